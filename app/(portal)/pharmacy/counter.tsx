"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { Alert, Badge, Button, Card, CardBody, CardHeader, SubmitButton, buttonClasses, cn } from "@/components/ui";
import { lookupDrugs } from "@/lib/pharmacy/catalogue/actions";
import type { DrugHit } from "@/lib/pharmacy/catalogue/search-drugs";
import { FORM_LABELS, PAYMENT_LABELS, formatCents } from "@/lib/pharmacy/format";
import { submitSale, type SaleFormState } from "@/lib/pharmacy/sales/actions";
import { looksLikeBarcode } from "@/lib/pharmacy/barcode";

type CartLine = { drug: DrugHit; quantity: number };

/**
 * The sale counter, built for a barcode scanner (which types the code and presses Enter) and the keyboard alone:
 * Enter adds the scanned or highlighted item; arrows move through matches; + and − change the last line;
 * Enter on an empty scan field goes to payment; Ctrl+Enter completes the sale from anywhere; Escape clears.
 */
export function Counter({ initialScan = "" }: { initialScan?: string }) {
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<DrugHit[]>([]);
  const [active, setActive] = useState(0);
  const [cart, setCart] = useState<CartLine[]>([]);
  const [notice, setNotice] = useState<{ tone: "danger" | "info"; text: string } | null>(null);
  const [searching, startSearch] = useTransition();
  const [state, action] = useActionState<SaleFormState, FormData>(submitSale, {});
  const scan = useRef<HTMLInputElement>(null);
  const payment = useRef<HTMLFieldSetElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const searchSeq = useRef(0);
  // Scans can land faster than renders: add() reads the latest cart through this.
  const cartRef = useRef(cart);
  cartRef.current = cart;

  const total = cart.reduce((sum, l) => sum + l.quantity * l.drug.priceCents, 0);
  const units = cart.reduce((sum, l) => sum + l.quantity, 0);

  // A scan that arrived before the page was interactive reached the server as ?scan= (the scan field is a GET form
  // of its own); take it now. Text typed before hydration, without its Enter, is kept in the field.
  useEffect(() => {
    const early = initialScan.trim() || scan.current?.value.trim() || "";
    if (initialScan) window.history.replaceState(null, "", "/pharmacy");
    if (early) {
      setQuery(early);
      if (initialScan) search(early, true);
    }
    scan.current?.focus();
    // Once, on mount.
  }, []);
  useEffect(() => {
    if (state.ok) {
      setCart([]);
      setNotice(null);
    }
    scan.current?.focus();
  }, [state]);

  function search(text: string, addSingle: boolean) {
    const seq = ++searchSeq.current;
    startSearch(async () => {
      const result = await lookupDrugs(text);
      if (seq !== searchSeq.current) return;
      if (result.error) return setNotice({ tone: "danger", text: result.error });
      const exact = result.hits.find((h) => h.barcode === text);
      if (addSingle && (exact || result.hits.length === 1)) return add(exact ?? result.hits[0]!);
      setHits(result.hits);
      setActive(0);
      if (addSingle && result.hits.length === 0) {
        // Cleared, so the next scan does not land after the unknown code.
        setQuery("");
        setNotice({ tone: "danger", text: `Nothing in the catalogue matches “${text}”.` });
      }
    });
  }

  function add(drug: DrugHit) {
    const inCart = cartRef.current.find((l) => l.drug.id === drug.id)?.quantity ?? 0;
    if (!drug.otc) {
      setNotice({ tone: "danger", text: `${drug.name} is prescription-only: dispense it from a prescription.` });
    } else if (inCart + 1 > drug.onHand) {
      setNotice({ tone: "danger", text: drug.onHand === 0 ? `${drug.name} is out of stock.` : `Only ${drug.onHand} of ${drug.name} in stock.` });
    } else {
      cartRef.current = [...cartRef.current.filter((l) => l.drug.id !== drug.id), { drug, quantity: inCart + 1 }];
      setCart(cartRef.current);
      setNotice({ tone: "info", text: `Added ${drug.name} (${formatCents(drug.priceCents)}).` });
    }
    setQuery("");
    setHits([]);
    scan.current?.focus();
  }

  function setQuantity(drugId: string, quantity: number) {
    setCart((c) =>
      c.flatMap((l) => {
        if (l.drug.id !== drugId) return [l];
        if (quantity <= 0) return [];
        if (quantity > l.drug.onHand) {
          setNotice({ tone: "danger", text: `Only ${l.drug.onHand} of ${l.drug.name} in stock.` });
          return [{ ...l, quantity: l.drug.onHand }];
        }
        return [{ ...l, quantity }];
      }),
    );
  }

  function onScanKey(e: KeyboardEvent<HTMLInputElement>) {
    const text = query.trim();
    if (e.key === "Enter") {
      e.preventDefault();
      if (!text) {
        if (cart.length) (payment.current?.querySelector<HTMLInputElement>("input:checked") ?? payment.current?.querySelector("input"))?.focus();
        return;
      }
      if (hits.length && !looksLikeBarcode(text)) return add(hits[Math.min(active, hits.length - 1)]!);
      setNotice(null);
      search(text, true);
    } else if (e.key === "ArrowDown" && hits.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === "ArrowUp" && hits.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === "Escape") {
      setQuery("");
      setHits([]);
      setNotice(null);
    } else if ((e.key === "+" || e.key === "-") && !text && cart.length) {
      e.preventDefault();
      const last = cart[cart.length - 1]!;
      setQuantity(last.drug.id, last.quantity + (e.key === "+" ? 1 : -1));
    }
  }

  function onType(text: string) {
    setQuery(text);
    const t = text.trim();
    if (t.length >= 2 && !looksLikeBarcode(t)) {
      search(t, false);
    } else {
      searchSeq.current++;
      setHits([]);
    }
  }

  function onCounterKey(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.current?.requestSubmit();
    }
  }

  const listId = "counter-matches";
  return (
    <div onKeyDown={onCounterKey} className="grid min-w-0 gap-6 lg:grid-cols-3">
      <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">
        <form method="get" action="/pharmacy" role="search" aria-label="Scan an item" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-1.5">
          <label htmlFor="scan" className="text-lg font-medium text-ink">
            Scan or type an item
          </label>
          <p id="scan-hint" className="text-base text-muted">
            Barcode then Enter adds it. Type a name, choose with ↑ ↓ and Enter. + and − change the last line; Enter on an empty field goes to payment.
          </p>
          <input
            ref={scan}
            id="scan"
            name="scan"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits.length ? `match-${hits[active]?.id}` : undefined}
            aria-describedby="scan-hint"
            aria-autocomplete="list"
            autoComplete="off"
            value={query}
            onChange={(e) => onType(e.target.value)}
            onKeyDown={onScanKey}
            className="block h-14 w-full rounded-lg border border-line-strong bg-surface px-4 text-lg text-ink placeholder:text-muted"
            placeholder="e.g. 5901234100007 or ibuprofen"
          />
          <p role="status" className="min-h-6 text-base text-muted">
            {searching ? "Looking up…" : hits.length ? `${hits.length} match${hits.length === 1 ? "" : "es"}: ↑ ↓ to choose, Enter to add.` : ""}
          </p>
          <ul id={listId} role="listbox" aria-label="Matching items" className={cn("overflow-hidden rounded-xl border border-line bg-surface", !hits.length && "hidden")}>
            {hits.map((h, i) => (
              <li
                key={h.id}
                id={`match-${h.id}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(h);
                }}
                className={cn("flex cursor-pointer items-center justify-between gap-4 px-4 py-3 text-base", i === active ? "bg-brand-50 ring-2 ring-brand-600 ring-inset" : "")}
              >
                <span className="min-w-0 break-words">
                  <span className="font-medium text-ink">{h.name}</span>{" "}
                  <span className="text-muted">
                    {h.strength} · {FORM_LABELS[h.form as keyof typeof FORM_LABELS] ?? h.form} · {h.packSize}/pack
                  </span>
                </span>
                <span className="flex shrink-0 flex-wrap items-center justify-end gap-2">
                  {!h.otc && <Badge tone="warning">Prescription only</Badge>}
                  <Badge tone={h.onHand > 0 ? "neutral" : "danger"}>{h.onHand > 0 ? `${h.onHand} in stock` : "Out of stock"}</Badge>
                  <span className="font-semibold tabular-nums">{formatCents(h.priceCents)}</span>
                </span>
              </li>
            ))}
          </ul>
        </form>

        {notice && (
          <Alert tone={notice.tone} role={notice.tone === "danger" ? "alert" : "status"} className="text-base">
            {notice.text}
          </Alert>
        )}

        <div role="region" aria-labelledby="cart-caption" className="overflow-x-auto rounded-xl border border-line bg-surface">
          <table className="w-full border-collapse text-left text-base">
            <caption id="cart-caption" className="px-4 pt-4 pb-2 text-left text-lg font-semibold">
              Cart {units > 0 && <span className="font-normal text-muted">({units} item{units === 1 ? "" : "s"})</span>}
            </caption>
            <thead className="border-b border-line bg-canvas text-sm text-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Item</th>
                <th scope="col" className="px-4 py-2 text-right">Price</th>
                <th scope="col" className="px-4 py-2">Quantity</th>
                <th scope="col" className="px-4 py-2 text-right">Total</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">Remove</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {cart.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-4 py-6 text-center text-muted">Nothing scanned yet.</td>
                </tr>
              )}
              {cart.map((l) => (
                <tr key={l.drug.id}>
                  <td className="px-4 py-2">
                    <span className="font-medium">{l.drug.name}</span> <span className="text-muted">{l.drug.strength}</span>
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatCents(l.drug.priceCents)}</td>
                  <td className="px-4 py-2">
                    <input
                      type="number"
                      min={1}
                      max={l.drug.onHand}
                      aria-label={`Quantity of ${l.drug.name}`}
                      value={l.quantity}
                      onChange={(e) => setQuantity(l.drug.id, Number(e.target.value))}
                      className="h-12 w-24 rounded-lg border border-line-strong px-3 text-lg tabular-nums"
                    />
                  </td>
                  <td className="px-4 py-2 text-right font-semibold tabular-nums">{formatCents(l.quantity * l.drug.priceCents)}</td>
                  <td className="px-4 py-2 text-right">
                    <Button variant="ghost" size="lg" aria-label={`Remove ${l.drug.name}`} onClick={() => setQuantity(l.drug.id, 0)}>
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <form ref={form} action={action} noValidate className="h-fit min-w-0">
        <input type="hidden" name="lines" value={JSON.stringify(cart.map((l) => ({ drugId: l.drug.id, quantity: l.quantity })))} />
        <Card>
          <CardHeader title="Payment" />
          <CardBody className="flex flex-col gap-5">
            <p className="flex items-baseline justify-between text-2xl font-semibold">
              <span>Total</span>
              <span className="tabular-nums" data-testid="cart-total">{formatCents(total)}</span>
            </p>
            <fieldset ref={payment} className="flex flex-col gap-2">
              <legend className="mb-2 text-lg font-medium">Payment method</legend>
              {Object.entries(PAYMENT_LABELS).map(([value, label], i) => (
                <label key={value} className="flex h-14 cursor-pointer items-center gap-3 rounded-lg border border-line-strong px-4 text-lg has-checked:border-brand-600 has-checked:bg-brand-50">
                  <input
                    type="radio"
                    name="paymentMethod"
                    value={value}
                    defaultChecked={i === 0}
                    className="size-5 accent-brand-600"
                    onKeyDown={(e) => {
                      if (e.key === "Enter") {
                        e.preventDefault();
                        form.current?.requestSubmit();
                      }
                    }}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
            {state.error && (
              <Alert tone="danger" title="The sale did not go through" className="text-base">
                {state.error}
              </Alert>
            )}
            <SubmitButton size="lg" disabled={cart.length === 0} className="w-full">
              Complete sale {formatCents(total)}
            </SubmitButton>
            <p className="text-sm text-muted">Enter on a payment method, or Ctrl+Enter anywhere, completes the sale.</p>
            {state.ok && state.sale && (
              <Alert tone="success" title={state.message} className="text-base">
                <Link href={`/pharmacy/sales/${state.sale.saleId}`} className={cn(buttonClasses({ variant: "secondary", size: "md" }), "mt-2")}>
                  Receipt for sale {state.sale.number}
                </Link>
              </Alert>
            )}
          </CardBody>
        </Card>
      </form>
    </div>
  );
}

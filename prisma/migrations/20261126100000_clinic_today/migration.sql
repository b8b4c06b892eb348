-- The clinic's calendar day. "Expired", "today" and the pharmacy's per-day figures follow the clinic's time zone,
-- not the database server's: the portal's connections name the zone in the custom setting carechain.clinic_time_zone
-- (lib/db.ts, from CLINIC_TIME_ZONE). A connection without it (psql, a report tool) gets the server's own day.
CREATE FUNCTION clinic_zone() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT COALESCE(NULLIF(current_setting('carechain.clinic_time_zone', true), ''), current_setting('TimeZone'))
$$;

CREATE FUNCTION clinic_day(at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (at AT TIME ZONE clinic_zone())::date
$$;

CREATE FUNCTION clinic_today() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT clinic_day(now())
$$;

-- Expired lots are never sold or dispensed: a lot is usable through its expiry date, counted in the clinic's day.
CREATE OR REPLACE FUNCTION stock_movement_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lot RECORD;
BEGIN
  UPDATE "StockLot" SET "quantity" = "quantity" + NEW."quantity" WHERE "id" = NEW."lotId"
    RETURNING "drugId", "expiresOn" INTO lot;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown stock lot %', NEW."lotId" USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF lot."drugId" <> NEW."drugId" THEN
    RAISE EXCEPTION 'movement drug does not match its lot' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."kind" IN ('SELL', 'DISPENSE') AND lot."expiresOn" < clinic_today() THEN
    RAISE EXCEPTION 'lot expired on %: it cannot be sold or dispensed', lot."expiresOn" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

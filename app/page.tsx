export default function HomePage() {
  return <main className="p-8"><h1 className="text-2xl font-semibold">CareChain Health</h1></main>;
}

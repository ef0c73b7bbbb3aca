// Preloaded into a tool the benchmark runs: prints the process's peak RSS at exit.
process.on('exit', () => {
  process.stdout.write(`peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`);
});

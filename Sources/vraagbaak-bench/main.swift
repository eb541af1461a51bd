// vraagbaak-bench: performance measurements, run with
//   swift run -c release vraagbaak-bench <benchmark> [options]
// Each benchmark is one function in its own file; add a case below to register one.

let arguments = Array(CommandLine.arguments.dropFirst())
let options = Array(arguments.dropFirst())

switch arguments.first {
case "parse":
    runParseBenchmark(options)
case "editing":
    runEditingBenchmark(options)
case "diagnostics":
    runDiagnosticsBenchmark(options)
case "corpus":
    runCorpusBenchmark(options)
case "reopen":
    runReopenBenchmark(options)
case "repetition":
    runRepetitionBenchmark(options)
case "long-lines":
    runLongLinesBenchmark(options)
case "incremental":
    runIncrementalBenchmark(options)
case "startup":
    runStartupBenchmark(options)
case "startup-once":
    runStartupOnce(options)
case "help", "-h", "--help", nil:
    print(benchmarkUsage)
default:
    printError("unknown benchmark '\(arguments[0])'\n\(benchmarkUsage)")
    exitWithFailure()
}

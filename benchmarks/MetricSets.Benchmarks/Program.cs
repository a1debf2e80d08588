using BenchmarkDotNet.Running;

// The read-path suite against PostgreSQL (raw Npgsql baseline vs the library vs naive EF LINQ) arrives with the reads
// issue; until then the suite measures the domain's hot arithmetic. Run: dotnet run -c Release --project benchmarks/MetricSets.Benchmarks
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using Warden.Grains.Labels.Import;
using Warden.Testing;

namespace Warden.Benchmarks;

/// <summary>Imports a generated label file once (too long to repeat), then once more to time a no-op re-import.</summary>
public static class ImportBenchmark
{
    public sealed record Result(long Rows, double FirstRowsPerSecond, double RerunRowsPerSecond, string First, string Rerun);

    public static async Task<Result> RunAsync(BenchmarkCluster cluster, int rows)
    {
        var folder = Directory.CreateTempSubdirectory("warden-bench-import-").FullName;
        try
        {
            var file = Path.Combine(folder, "labels.jsonl");
            SyntheticLabelFile.Write(file, rows / 10, 10, rejectEvery: 0);
            var importer = new LabelImporter(cluster.Client.Grains, new LabelImportOptions { Actor = "bench:import" });
            var first = await importer.ImportAsync(file);
            var rerun = await importer.ImportAsync(file);
            return new Result(first.Rows, Math.Round(first.RowsPerSecond), Math.Round(rerun.RowsPerSecond), first.ToString(), rerun.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

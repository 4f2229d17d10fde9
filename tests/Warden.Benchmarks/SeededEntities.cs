using Warden.Grains.Labels.Import;
using Warden.Testing;

namespace Warden.Benchmarks;

/// <summary>Labels pins 0 … n−1 through the label importer (a generated file, one source per label), as bulk seeding does.</summary>
public static class SeededEntities
{
    /// <returns>The import's rate in label rows a second.</returns>
    public static async Task<double> ImportAsync(IGrainFactory grains, int entities, int labelsPerEntity, string actor)
    {
        var folder = Directory.CreateTempSubdirectory("warden-bench-seed-").FullName;
        try
        {
            var file = Path.Combine(folder, "labels.jsonl");
            SyntheticLabelFile.Write(file, entities, labelsPerEntity, rejectEvery: 0);
            return (await new LabelImporter(grains, new LabelImportOptions { Actor = actor }).ImportAsync(file)).RowsPerSecond;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using Warden.Abstractions.Labels;
using Warden.Core.Labels.Import;
using Warden.Abstractions.Validation;

namespace Warden.Grains.Labels.Import;

/// <summary>
/// Loads a label file into the cluster. Rows are read in chunks; within a chunk each entity's rows go
/// in file order as one <see cref="IEntityGrain.WriteLabels"/> call (one durable write), entities in
/// parallel up to a bound. Chunks run one after another, so a later row for an entity is never applied
/// before an earlier one. Rows carry their creation time, so re-importing a file changes nothing.
/// </summary>
public sealed class LabelImporter(IGrainFactory grains, LabelImportOptions options)
{
    public async Task<ImportReport> ImportAsync(string path, IProgress<ImportReport>? progress = null, CancellationToken cancellationToken = default)
    {
        var rejectedPath = options.RejectedRowsPath ?? path + ".rejected.jsonl";
        var outcomes = new long[Enum.GetValues<LabelWriteOutcome>().Length];
        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using var rejected = new RejectedRowsWriter(rejectedPath);
        var chunk = new List<LabelFileRow>(options.ChunkSize);

        ImportReport Report() => new(rows, Enum.GetValues<LabelWriteOutcome>().ToDictionary(o => o, o => Interlocked.Read(ref outcomes[(int)o])), clock.Elapsed, rejectedPath);

        async Task FlushAsync()
        {
            await WriteChunkAsync(chunk, outcomes, rejected, cancellationToken);
            chunk.Clear();
            progress?.Report(Report());
        }

        await foreach (var row in LabelFileReader.ReadAsync(path, cancellationToken))
        {
            rows++;
            if (!row.IsValid)
            {
                Interlocked.Increment(ref outcomes[(int)LabelWriteOutcome.Rejected]);
                await rejected.WriteAsync(row.Line, row.Entity, row.Errors);
                continue;
            }

            chunk.Add(row);
            if (chunk.Count >= options.ChunkSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();
        return Report();
    }

    private async Task WriteChunkAsync(List<LabelFileRow> chunk, long[] outcomes, RejectedRowsWriter rejected, CancellationToken cancellationToken)
    {
        var byEntity = chunk.GroupBy(r => r.Entity!, StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(byEntity, parallel, async (entityRows, _) =>
        {
            var entity = grains.GetGrain<IEntityGrain>(entityRows.Key);
            foreach (var batch in entityRows.Chunk(options.MaxLabelsPerCall))
            {
                var results = await entity.WriteLabels([.. batch.Select(r => r.Label!)], options.Actor);
                for (var i = 0; i < batch.Length; i++)
                {
                    Interlocked.Increment(ref outcomes[(int)results[i].Outcome]);
                    if (results[i].Outcome == LabelWriteOutcome.Rejected)
                    {
                        await rejected.WriteAsync(batch[i].Line, batch[i].Entity, results[i].Errors);
                    }
                }
            }
        });
    }

    /// <summary>One JSON line per rejected row: its line number, entity and every reason.</summary>
    private sealed class RejectedRowsWriter(string path) : IAsyncDisposable
    {
        private readonly StreamWriter _writer = new(path);
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task WriteAsync(long line, string? entity, IReadOnlyList<FieldError> errors)
        {
            var json = JsonSerializer.Serialize(new { line, entity, errors = errors.Select(e => new { field = e.Field, message = e.Message }) });
            await _gate.WaitAsync();
            try
            {
                await _writer.WriteLineAsync(json);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _writer.DisposeAsync();
            _gate.Dispose();
        }
    }
}

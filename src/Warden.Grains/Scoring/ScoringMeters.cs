using System.Diagnostics.Metrics;
using Warden.Abstractions.Scoring;
using Warden.Scoring.Text;

namespace Warden.Grains.Scoring;

/// <summary>
/// The <c>Warden.Scoring</c> meter: verdict mix, share sent to humans and degraded verdicts per category,
/// model latency and batch sizes, shadow agreement, and the character-class drift of incoming text.
/// </summary>
public sealed class ScoringMeters
{
    public const string MeterName = "Warden.Scoring";

    private readonly Counter<long> _verdicts;
    private readonly Counter<long> _routed;
    private readonly Counter<long> _degraded;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _shadow;
    private readonly Histogram<double> _modelLatency;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _scoringLatency;
    private readonly Histogram<double> _imageModelLatency;
    private readonly Histogram<int> _imageBatchSize;
    private readonly Histogram<double> _stage;

    public ScoringMeters(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _verdicts = meter.CreateCounter<long>("warden.scoring.verdicts", description: "Category verdicts, by category and decision");
        _routed = meter.CreateCounter<long>("warden.scoring.routed", description: "Submissions sent to human review, by category and reason");
        _failed = meter.CreateCounter<long>("warden.scoring.failed", description: "Submissions marked failed after scoring failed on every attempt");
        _degraded = meter.CreateCounter<long>("warden.scoring.degraded", description: "Category verdicts decided by the fallback because a model failed or ran late");
        _shadow = meter.CreateCounter<long>("warden.scoring.shadow", description: "Shadow model decisions, by category and whether they agreed with the live model");
        _modelLatency = meter.CreateHistogram<double>("warden.scoring.model.duration", "ms", "One model run (a micro-batch)");
        _batchSize = meter.CreateHistogram<int>("warden.scoring.model.batch", description: "Texts per model run");
        _imageModelLatency = meter.CreateHistogram<double>("warden.scoring.image_model.duration", "ms", "One image model run (a micro-batch)");
        _imageBatchSize = meter.CreateHistogram<int>("warden.scoring.image_model.batch", description: "Images per image model run");
        _scoringLatency = meter.CreateHistogram<double>("warden.scoring.duration", "ms", "The whole cascade for one submission");
        _stage = meter.CreateHistogram<double>(StageInstrument, "ms", "One stage of a submission (insert, trust, score, labels, route, update), to see where its time goes");
        meter.CreateObservableGauge("warden.scoring.execution_provider", () => new Measurement<int>(1, new KeyValuePair<string, object?>("provider", Provider)), description: "1, tagged with the provider models run on here (cpu or cuda)");
        meter.CreateObservableGauge("warden.scoring.drift", () => Drift.Divergence, description: "Jensen-Shannon divergence of incoming text's character classes from the baseline");
    }

    public const string StageInstrument = "warden.submit.stage.duration";

    public CharacterClassDrift Drift { get; } = new();

    /// <summary>Records how long a submission's <paramref name="stage"/> took since <paramref name="started"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    private void Stage(string stage, long started) =>
        _stage.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage));

    /// <summary>Runs one stage of a submission and records how long it took.</summary>
    public async Task<T> TimedAsync<T>(string stage, Func<Task<T>> work)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await work();
        Stage(stage, started);
        return result;
    }

    /// <inheritdoc cref="TimedAsync{T}(string, Func{Task{T}})"/>
    public async Task TimedAsync(string stage, Func<Task> work)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await work();
        Stage(stage, started);
    }

    /// <summary>Set by the scoring engine once it has resolved the configured provider.</summary>
    public string Provider { get; set; } = Warden.Scoring.Models.ExecutionProvider.Cpu;

    public void Verdict(ContentVerdict verdict)
    {
        _scoringLatency.Record(verdict.ElapsedMilliseconds);
        foreach (var category in verdict.Categories)
        {
            _verdicts.Add(1, new("category", category.Category), new("decision", category.Decision.ToString().ToLowerInvariant()));
            if (category.Degraded)
            {
                _degraded.Add(1, new KeyValuePair<string, object?>("category", category.Category));
            }
        }
    }

    public void Failed() => _failed.Add(1);

    public void Routed(string category, string reason) => _routed.Add(1, new("category", category), new("reason", reason));

    public void Shadow(string category, bool agreed) => _shadow.Add(1, new("category", category), new("agreed", agreed));

    public void ImageModelRun(double milliseconds, int batch)
    {
        _imageModelLatency.Record(milliseconds);
        _imageBatchSize.Record(batch);
    }

    public void ModelRun(double milliseconds, int batch)
    {
        _modelLatency.Record(milliseconds);
        _batchSize.Record(batch);
    }
}

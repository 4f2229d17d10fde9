using Warden.Abstractions.Scoring;
using Warden.Scoring;
using Warden.Scoring.Models;
using Warden.Scoring.Training;
using Warden.Testing;

namespace Warden.Integration.Tests.Scoring;

/// <summary>Held-out corpus texts picked by what the trained model says of them, and the settings that serve it.</summary>
internal static class ScoringFixtures
{
    private static readonly Lazy<(string Spam, string Ham, string Uncertain)> Picked = new(Pick);

    public static string ClearSpam => Picked.Value.Spam;

    public static string ClearHam => Picked.Value.Ham;

    /// <summary>A text the model scores between its review and block thresholds.</summary>
    public static string UncertainText => Picked.Value.Uncertain;

    public static Dictionary<string, string?> Settings(string? model = null) => new()
    {
        ["Warden:Scoring:TextModel"] = model ?? TrainedModels.SpamModelPath,
    };

    public static ContentSubmission Text(string key, string text, string? author = null) =>
        new() { IdempotencyKey = key, Text = text, Author = author, Locale = "en", Actor = "svc:test" };

    /// <summary>Waits until every silo's scoring engine has loaded config <paramref name="version"/>; the time it took.</summary>
    public static async Task<TimeSpan> WaitForEveryEngineAsync(Orleans.TestingHost.TestCluster cluster, int version, TimeSpan within)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var engines = cluster.Silos.Cast<Orleans.TestingHost.InProcessSiloHandle>()
            .Select(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Warden.Grains.Scoring.ScoringEngine>(s.SiloHost.Services))
            .ToList();
        await Infrastructure.Eventually.Succeeds(() => Task.FromResult(engines.Min(e => e.Version)), v => v >= version, within, $"every silo on scoring config {version}");
        return clock.Elapsed;
    }

    private static (string, string, string) Pick()
    {
        using var model = TextClassifier.Load(TrainedModels.SpamModelPath);
        var thresholds = model.Contract.Thresholds["spam"];
        var assets = ScoringAssets.Locate();
        var texts = Corpus.Read(ScoringAssets.SpamCorpus(assets, "spam-1")).Select(i => i.Text)
            .Concat(Corpus.Read(ScoringAssets.SpamCorpus(assets, "easy-ham-1")).Take(200).Select(i => i.Text))
            .Concat(Corpus.Read(ScoringAssets.SpamCorpus(assets, "hard-ham-1")).Select(i => i.Text))
            .Where(t => t.Length < 20_000)
            .ToList();
        var scored = texts.Select(t => (Text: t, Score: model.Score([t])[0])).ToList();
        var spam = scored.First(s => s.Score >= thresholds.Block + 0.005).Text;
        var ham = scored.First(s => s.Score < thresholds.Review / 2).Text;

        // The model fits its own training groups too well to leave a text in the uncertain band, and the
        // held-out groups are for evaluate alone: so ham with more and more of the spam text appended.
        var words = spam.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var uncertain = Enumerable.Range(1, words.Length)
            .Select(k => ham + "\n" + string.Join(' ', words.Take(k)))
            .First(t => model.Score([t])[0] is var score && score >= thresholds.Review + 0.02 && score < thresholds.Block - 0.02);
        return (spam, ham, uncertain);
    }
}

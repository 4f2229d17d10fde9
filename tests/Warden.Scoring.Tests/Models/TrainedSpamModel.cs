using Warden.Scoring.Training;

namespace Warden.Scoring.Tests.Models;

/// <summary>The text model trained once per test run on the SpamAssassin -1 groups, as <c>warden-training train</c> does.</summary>
public sealed class TrainedSpamModel : IDisposable
{
    public TrainedSpamModel()
    {
        var assets = ScoringAssets.Locate();
        Path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("warden-spam-model-").FullName, "spam.onnx");
        Report = new TextModelTrainer().Train(
            Corpus.Read(ScoringAssets.SpamCorpus(assets, "spam-1")),
            [.. Corpus.Read(ScoringAssets.SpamCorpus(assets, "easy-ham-1")), .. Corpus.Read(ScoringAssets.SpamCorpus(assets, "hard-ham-1"))],
            "spam",
            Path,
            "spam-test");
    }

    public string Path { get; }

    public TrainingReport Report { get; }

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}

using Warden.Testing;
using Warden.Scoring.Training;

namespace Warden.Scoring.Tests.Models;

/// <summary>The text model trained once per test run on the SpamAssassin -1 groups, as <c>warden-training train</c> does.</summary>
public sealed class TrainedSpamModel : IDisposable
{
    public TrainedSpamModel()
    {
        // Trained afresh, not taken from the shared cache: these tests are about training itself.
        Path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("warden-spam-model-").FullName, "spam.onnx");
        Report = TrainedModels.TrainSpam(Path, "spam-test");
    }

    public string Path { get; }

    public TrainingReport Report { get; }

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}

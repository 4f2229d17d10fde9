using Warden.Scoring.Models;

namespace Warden.Scoring.Tests.Models;

/// <summary>Provider choice on a machine whose build carries the CPU runtime (CI's): CUDA cannot load.</summary>
public sealed class ExecutionProviderTests
{
    [Fact]
    public void Cuda_or_cpu_falls_back_to_the_cpu_and_says_why()
    {
        var (served, problem) = ExecutionProvider.Resolve("cuda-or-cpu");

        served.Should().Be("cpu");
        problem.Should().Contain("CUDA could not be loaded").And.Contain("-p:WardenGpu=true");
        using var options = ExecutionProvider.CreateOptions(served, 1);
        using var classifier = ImageClassifier.Load(Warden.Testing.TrainedModels.NsfwModelPath, options);
        classifier.Run(new float[classifier.ImageLength], 1).Should().HaveCount(5);
    }

    [Fact]
    public void Cuda_alone_refuses_with_the_reason_and_unknown_providers_are_named()
    {
        ExecutionProvider.Resolve("cuda").Served.Should().Be("cpu", "the caller decides to refuse: the silo refuses to start");
        var refusing = () => ExecutionProvider.CreateOptions("cuda", 1);
        refusing.Should().Throw<InvalidOperationException>().WithMessage("*'cuda' but CUDA could not be loaded*");
        var unknown = () => ExecutionProvider.Resolve("tpu");
        unknown.Should().Throw<ArgumentException>().WithMessage("*'tpu' is not known*cuda-or-cpu*");
    }
}

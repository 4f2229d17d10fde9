using Microsoft.ML.OnnxRuntime;

namespace Warden.Scoring.Models;

/// <summary>
/// Where ONNX Runtime runs models, chosen by configuration (<c>Warden:Scoring:ExecutionProvider</c>).
/// This build ships the CPU runtime; CUDA needs the GPU runtime package in its place (README).
/// </summary>
public static class ExecutionProvider
{
    public static SessionOptions CreateOptions(string provider, int intraOpThreads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
        };
        switch (provider.ToLowerInvariant())
        {
            case "cpu":
                break;
            case "cuda":
                try
                {
                    options.AppendExecutionProvider_CUDA();
                }
                catch (Exception error) when (error is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
                {
                    options.Dispose();
                    throw new InvalidOperationException(
                        "Warden:Scoring:ExecutionProvider is 'cuda' but this build carries the CPU ONNX Runtime: replace the Microsoft.ML.OnnxRuntime package by Microsoft.ML.OnnxRuntime.Gpu and install CUDA and cuDNN (README).", error);
                }

                break;
            default:
                options.Dispose();
                throw new ArgumentException($"Warden:Scoring:ExecutionProvider '{provider}' is not known: use 'cpu' or 'cuda'");
        }

        return options;
    }
}

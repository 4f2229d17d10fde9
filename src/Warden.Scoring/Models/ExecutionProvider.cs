using Microsoft.ML.OnnxRuntime;

namespace Warden.Scoring.Models;

/// <summary>
/// Where ONNX Runtime runs models, chosen by configuration (<c>Warden:Scoring:ExecutionProvider</c>).
/// The default build ships the CPU runtime; CUDA needs a build with <c>-p:WardenGpu=true</c> (README).
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
                        "Warden:Scoring:ExecutionProvider is 'cuda' but CUDA could not be loaded: build with -p:WardenGpu=true (Microsoft.ML.OnnxRuntime.Gpu 1.31.0) and install CUDA 13 and cuDNN 9 (README).", error);
                }

                break;
            default:
                options.Dispose();
                throw new ArgumentException($"Warden:Scoring:ExecutionProvider '{provider}' is not known: use 'cpu' or 'cuda'");
        }

        return options;
    }
}

using Microsoft.ML.OnnxRuntime;

namespace Warden.Scoring.Models;

/// <summary>
/// Where ONNX Runtime runs models, chosen by configuration (<c>Warden:Scoring:ExecutionProvider</c>):
/// <c>cpu</c>; <c>cuda</c>, which refuses to start without CUDA; or <c>cuda-or-cpu</c>, which uses CUDA
/// where it loads and the CPU otherwise. The default build ships the CPU runtime; CUDA needs a build with
/// <c>-p:WardenGpu=true</c> (Microsoft.ML.OnnxRuntime.Gpu 1.31.0) and CUDA 13 with cuDNN 9 (README).
/// </summary>
public static class ExecutionProvider
{
    public const string Cpu = "cpu";
    public const string Cuda = "cuda";
    public const string CudaOrCpu = "cuda-or-cpu";

    public static bool IsKnown(string provider) => provider.ToLowerInvariant() is Cpu or Cuda or CudaOrCpu;

    /// <summary>Which provider serves for a configured one, and why CUDA is not used when it was asked for.</summary>
    public static (string Served, string? CudaProblem) Resolve(string provider)
    {
        var configured = provider.ToLowerInvariant();
        if (configured == Cpu)
        {
            return (Cpu, null);
        }

        if (!IsKnown(configured))
        {
            throw new ArgumentException($"Warden:Scoring:ExecutionProvider '{provider}' is not known: use '{Cpu}', '{Cuda}' or '{CudaOrCpu}'");
        }

        var problem = CudaProblem();
        return problem is null ? (Cuda, null) : (Cpu, problem);
    }

    /// <summary>Null when the CUDA provider loads here; otherwise what stops it.</summary>
    public static string? CudaProblem()
    {
        using var options = new SessionOptions();
        try
        {
            options.AppendExecutionProvider_CUDA();
            return null;
        }
        catch (Exception error) when (error is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return $"CUDA could not be loaded ({error.Message.Split('\n')[0].Trim()}): build with -p:WardenGpu=true (Microsoft.ML.OnnxRuntime.Gpu 1.31.0) and install CUDA 13 and cuDNN 9";
        }
    }

    /// <param name="provider">What <see cref="Resolve"/> said serves: <c>cpu</c> or <c>cuda</c>.</param>
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
            case Cpu:
                break;
            case Cuda:
                try
                {
                    options.AppendExecutionProvider_CUDA();
                }
                catch (Exception error) when (error is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
                {
                    options.Dispose();
                    throw new InvalidOperationException($"Warden:Scoring:ExecutionProvider is 'cuda' but {CudaProblem() ?? error.Message}", error);
                }

                break;
            default:
                options.Dispose();
                throw new ArgumentException($"'{provider}' is not a provider models run on: use '{Cpu}' or '{Cuda}' (resolve '{CudaOrCpu}' first)");
        }

        return options;
    }
}

using System.CommandLine;
using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Warden.Scoring.Models;

namespace Warden.Training;

/// <summary>
/// <c>check-providers</c>: runs the served models on the CPU and on CUDA over the same inputs, checks the
/// outputs agree, and prints throughput and p99 per run at batch 1 and 32 (deploy/gpu/check.sh).
/// Exits 3 when CUDA cannot load, after the CPU figures.
/// </summary>
public static class CheckProvidersCommand
{
    private const double Tolerance = 1e-3;

    public static Command Create()
    {
        var text = new Option<FileInfo>("--text-model") { Description = "The text model (warden-training train)", Required = true };
        var image = new Option<FileInfo>("--image-model") { Description = "The image model (warden-training import-image)", Required = true };
        var seconds = new Option<double>("--seconds") { Description = "How long each figure is measured", DefaultValueFactory = _ => 5 };
        var command = new Command("check-providers", "Run both models on CPU and CUDA: equal outputs, throughput and p99 at batch 1 and 32") { text, image, seconds };
        command.SetAction(parse =>
        {
            var cuda = ExecutionProvider.CudaProblem();
            var duration = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var models = new[]
            {
                new Model("text", parse.GetValue(text)!.FullName, TextInput),
                new Model("image", parse.GetValue(image)!.FullName, ImageInput),
            };
            Console.WriteLine($"ONNX Runtime {OrtEnv.Instance().GetVersionString()}; CUDA: {cuda ?? "loads"}");
            Console.WriteLine($"{"model",-6} {"provider",-8} {"batch",5} {"items/s",10} {"p50 ms",9} {"p99 ms",9}");
            var agreed = true;
            foreach (var model in models)
            {
                using var cpu = new InferenceSession(model.Path, ExecutionProvider.CreateOptions(ExecutionProvider.Cpu, Environment.ProcessorCount));
                using var gpu = cuda is null ? new InferenceSession(model.Path, ExecutionProvider.CreateOptions(ExecutionProvider.Cuda, 1)) : null;
                foreach (var batch in new[] { 1, 32 })
                {
                    var input = model.Input(cpu, batch);
                    Measure(model.Name, "cpu", cpu, input, batch, duration);
                    if (gpu is not null)
                    {
                        Measure(model.Name, "cuda", gpu, input, batch, duration);
                        var difference = Run(cpu, input).Zip(Run(gpu, input), (a, b) => Math.Abs(a - b)).Max();
                        Console.WriteLine($"{model.Name,-6} cpu vs cuda at batch {batch}: largest difference {difference:E2} (tolerance {Tolerance:E0})");
                        agreed &= difference <= Tolerance;
                    }
                }
            }

            if (cuda is not null)
            {
                Console.WriteLine($"no CUDA figures: {cuda}");
                return 3;
            }

            return agreed ? 0 : 1;
        });
        return command;
    }

    private sealed record Model(string Name, string Path, Func<InferenceSession, int, NamedOnnxValue> Input);

    private static void Measure(string model, string provider, InferenceSession session, NamedOnnxValue input, int batch, TimeSpan duration)
    {
        for (var i = 0; i < 3; i++)
        {
            Run(session, input); // warm-up: CUDA builds its kernels on the first runs
        }

        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            Run(session, input);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        Console.WriteLine($"{model,-6} {provider,-8} {batch,5} {latencies.Count * batch / clock.Elapsed.TotalSeconds,10:0} {Percentile(0.5),9:0.00} {Percentile(0.99),9:0.00}");
    }

    private static float[] Run(InferenceSession session, NamedOnnxValue input)
    {
        using var results = session.Run([input]);
        return results[0].AsEnumerable<float>().ToArray();
    }

    /// <summary>Sparse rows like hashed word counts: a few dozen buckets set per text.</summary>
    private static NamedOnnxValue TextInput(InferenceSession session, int batch)
    {
        var dimension = (int)session.InputMetadata[ModelContract.InputName].Dimensions[1];
        var random = new Random(19);
        var features = new float[batch * dimension];
        for (var row = 0; row < batch; row++)
        {
            for (var k = 0; k < 60; k++)
            {
                features[(row * dimension) + random.Next(dimension)] = (float)random.NextDouble();
            }
        }

        return NamedOnnxValue.CreateFromTensor(ModelContract.InputName, new DenseTensor<float>(features, [batch, dimension]));
    }

    /// <summary>Smooth random images in the model's 0–1 input range.</summary>
    private static NamedOnnxValue ImageInput(InferenceSession session, int batch)
    {
        var shape = session.InputMetadata[ImageModelContract.InputName].Dimensions;
        var (height, width) = (shape[1], shape[2]);
        var random = new Random(23);
        var pixels = new float[batch * height * width * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            var x = i / 3 % width;
            pixels[i] = (float)Math.Clamp((0.5 + (0.4 * Math.Sin(x / 17.0 + (i % 3)))) + ((random.NextDouble() - 0.5) * 0.1), 0, 1);
        }

        return NamedOnnxValue.CreateFromTensor(ImageModelContract.InputName, new DenseTensor<float>(pixels, [batch, height, width, 3]));
    }
}

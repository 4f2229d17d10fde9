using Microsoft.Extensions.Diagnostics.HealthChecks;
using Warden.Grains.Scoring;

namespace Warden.Silo.Hosting;

/// <summary>
/// Says on <c>/readyz</c> where this silo's models run (cpu or cuda, and why not CUDA when
/// <c>cuda-or-cpu</c> fell back) and which image model it serves. Always healthy: a fallback is a
/// configured choice, and categories without a model take their own fallback.
/// </summary>
public sealed class ScoringModelsCheck(ScoringEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = engine.CudaProblem is { } problem ? $"{engine.ServedProvider} (CUDA asked for: {problem})" : engine.ServedProvider;
        return Task.FromResult(HealthCheckResult.Healthy($"models run on {provider}; image model: {engine.ImageModelStatus}"));
    }
}

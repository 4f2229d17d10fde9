using Microsoft.Extensions.Diagnostics.HealthChecks;
using Warden.Abstractions.Access;
using Warden.Abstractions.Policies;

namespace Warden.Silo.Hosting;

/// <summary>
/// Ready only while the grains every request depends on activate and answer: the key and account lists
/// (their state must load) and the policy catalog. A silo whose stored state cannot be read is not ready,
/// even though it joined the cluster.
/// </summary>
public sealed class GrainReadinessCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probes = new (string Name, Func<Task> Call)[]
        {
            ("api keys", () => grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.DefaultKey).List()),
            ("accounts", () => grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey).List()),
            ("policy catalog", () => grains.GetGrain<IPolicyCatalogGrain>(IPolicyCatalogGrain.DefaultKey).Get()),
        };
        var failures = new List<string>();
        foreach (var (name, call) in probes)
        {
            try
            {
                await call().WaitAsync(Deadline, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }

        return failures.Count == 0
            ? HealthCheckResult.Healthy("key, account and catalog grains answer")
            : HealthCheckResult.Unhealthy("grains this silo needs do not answer: " + string.Join("; ", failures));
    }
}

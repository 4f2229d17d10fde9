using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Warden.Abstractions.Actions;
using Warden.Grains.Labels;
using Warden.Grains.Runtime;

namespace Warden.Grains.Actions;

/// <summary>
/// Sends one action to its webhook: a JSON POST carrying an <c>Idempotency-Key</c> header, accepted on
/// any 2xx answer. One pooled HTTP client per silo.
/// </summary>
public sealed class ActionDispatcher(IOptions<ActionDeliveryOptions> options) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = options.Value.Timeout,
    };

    public ActionDeliveryOptions Options => options.Value;

    /// <summary>The state the attempt leaves the action in, and the error when it failed.</summary>
    public async Task<(ActionDeliveryState State, string? Error)> SendAsync(ActionDelivery delivery, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.EndpointFor(delivery.Object.Type, delivery.Action);
        if (endpoint is null)
        {
            return (ActionDeliveryState.NoEndpoint, null);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = JsonContent.Create(Payload(delivery), options: StoredJson.Options),
            };
            request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
            using var response = await _http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? (ActionDeliveryState.Delivered, null)
                : (ActionDeliveryState.Pending, $"{endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return (ActionDeliveryState.Pending, $"{endpoint}: {error.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static object Payload(ActionDelivery delivery) => new
    {
        delivery.IdempotencyKey,
        delivery.Action,
        Entity = delivery.Object.Entity,
        Role = delivery.Object.Role,
        delivery.JobId,
        delivery.Queue,
        delivery.Policies,
        delivery.DecidedBy,
        delivery.DecidedAt,
        Attempt = delivery.Attempts + 1,
    };
}

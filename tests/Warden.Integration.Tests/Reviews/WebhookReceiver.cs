using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Warden.Testing;

namespace Warden.Integration.Tests.Reviews;

/// <summary>
/// A real HTTP receiver on loopback for action webhooks: refuses the first <c>failures</c> calls per
/// idempotency key with 503 (or every call, until told to accept), and records each call it gets.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentQueue<(string Path, string Key, string Body)> _received = new();
    private readonly int _failures;

    private WebhookReceiver(int failures)
    {
        _failures = failures;
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            _received.Enqueue((context.Request.Path, key, body));
            var call = _calls.AddOrUpdate(key, 1, (_, n) => n + 1);
            return Accepting && call > _failures ? Results.Ok() : Results.StatusCode(503);
        });
    }

    public int Port { get; }

    public bool Accepting { get; set; } = true;

    public IReadOnlyList<(string Path, string Key, string Body)> Received => [.. _received];

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    public static async Task<WebhookReceiver> StartAsync(int failures)
    {
        var receiver = new WebhookReceiver(failures);
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

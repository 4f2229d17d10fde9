using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Orleans.Runtime;

namespace Warden.Silo.Api;

/// <summary>
/// While the cluster moves grains off a dead silo (a few seconds), or PostgreSQL is away, a call fails
/// in a way that a retry absorbs: the caller gets 503 with <c>Retry-After</c>, not a 500.
/// </summary>
public sealed class UnavailableExceptionHandler : IExceptionHandler
{
    public const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception))
        {
            return false;
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable",
                "The cluster is recovering from a failure; retry the request (with the same idempotency key where it has one).");
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Warden is recovering from a failure; reload in a moment.", cancellationToken);
        }

        return true;
    }

    internal static bool IsTransient(Exception exception) => exception switch
    {
        OrleansMessageRejectionException or SiloUnavailableException or TimeoutException => true,
        NpgsqlException npgsql => npgsql.IsTransient,
        Orleans.Storage.InconsistentStateException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}

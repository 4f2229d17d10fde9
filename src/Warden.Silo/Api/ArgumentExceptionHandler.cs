using Microsoft.AspNetCore.Diagnostics;

namespace Warden.Silo.Api;

/// <summary>
/// A grain that refuses its input throws <see cref="ArgumentException"/>; the caller gets 400 with that
/// message, not a 500. Anything else stays a 500 with no internals shown.
/// </summary>
public sealed class ArgumentExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        if (exception is UnauthorizedAccessException refused)
        {
            // A grain's access check (queue groups) is a 403, with its reason.
            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed", refused.Message);
            return true;
        }

        if (exception is not ArgumentException argument)
        {
            return false;
        }

        var field = argument.ParamName ?? "Request";
        await ApiProblems.Validation(field, argument.Message).ExecuteAsync(context);
        return true;
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Warden.Silo.Api;

/// <summary>
/// A query or route value that does not bind (<c>limit=abc</c>, <c>explain=maybe</c>, a missing required
/// parameter) is a 400 problem naming the parameter, like every other refused input, not an empty 400.
/// </summary>
public sealed partial class BindingExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !context.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            await ApiProblems.WriteAsync(context, bad.StatusCode, "Bad request", bad.Message);
            return true;
        }

        var parameter = ParameterName().Match(bad.Message) is { Success: true } match ? match.Groups[1].Value : "Request";
        await ApiProblems.Validation(parameter, bad.Message.Replace("Failed to bind parameter", "cannot read parameter", StringComparison.Ordinal)).ExecuteAsync(context);
        return true;
    }

    [GeneratedRegex("""parameter "(?:[^"]*[ ?])?(\w+)" """, RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}

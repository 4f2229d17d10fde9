using Microsoft.AspNetCore.Mvc;
using Warden.Abstractions.Validation;

namespace Warden.Silo.Api;

/// <summary>RFC 7807 answers: every error of the facade is <c>application/problem+json</c>, with field-level errors where there are any.</summary>
public static class ApiProblems
{
    public static IResult Validation(IReadOnlyList<FieldError> errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The request has errors", detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));

    public static IResult Validation(string field, string message) => Validation([new FieldError(field, message)]);

    /// <summary>A refused versioned save: 409 when the only complaint is a stale version, 400 with the fields otherwise.</summary>
    public static IResult Refused(IReadOnlyList<FieldError> errors) =>
        errors.All(e => e.Field == "Version")
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Version conflict", detail: errors[0].Message)
            : Validation(errors);

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}

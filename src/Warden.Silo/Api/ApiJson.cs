using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warden.Silo.Api;

/// <summary>How the facade reads and writes JSON: camelCase, enums by name, and unknown fields refused (a typo is an error, not a silent default).</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>, or the problem answer: 415 unless it is declared JSON (so a
    /// cross-site form, which can only send text/plain, urlencoded or multipart, is never read), 400 naming
    /// the JSON path, 413 past the size limit.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, UnsupportedMediaType(request));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, ApiProblems.Validation("Body", "a JSON object is required")) : (value, null);
        }
        catch (JsonException error)
        {
            return (null, ApiProblems.Validation(error.Path is { Length: > 0 } path ? path : "Body", error.Message));
        }
        catch (BadHttpRequestException error)
        {
            return (null, Results.Problem(statusCode: error.StatusCode, title: error.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", detail: error.Message));
        }
    }

    public static IResult UnsupportedMediaType(HttpRequest request) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
            detail: $"Send the body as 'Content-Type: application/json', not '{request.ContentType ?? "nothing"}'.");
}

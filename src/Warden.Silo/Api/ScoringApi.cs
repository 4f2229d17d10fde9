using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Warden.Abstractions.Access;
using Warden.Abstractions.Scoring;
using Warden.Abstractions.Validation;
using Warden.Silo.Access;

namespace Warden.Silo.Api;

/// <summary>
/// <c>/api/v1</c> content and scoring: submit content (JSON or multipart with image files), read a stored
/// submission and its verdict, and administer rule sets, hash banks and the text model.
/// </summary>
public static class ScoringApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/entities/{entity}/content", SubmitAsync).RequireAuthorization(ApiScopes.Submit);
        api.MapGet("/entities/{entity}/content/{key}", async (string entity, string key, IGrainFactory grains) =>
            await grains.Content(entity, key).Get() is { } record
                ? Results.Ok(ContentResponse.From(record))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{entity} has no submission '{key}'"))
            .RequireAuthorization(ApiScopes.Submit);

        api.MapPost("/entities/{entity}/content/{key}/redrive", async (string entity, string key, IGrainFactory grains) =>
            await grains.Content(entity, key).Redrive() is { } record
                ? Results.Ok(ContentResponse.From(record))
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{entity} has no submission '{key}'"))
            .RequireAuthorization(ApiScopes.Admin);
        api.MapGet("/scoring", async (IGrainFactory grains) => Results.Ok(await Config(grains).Get())).RequireAuthorization(ApiScopes.Admin);
        api.MapPut("/rule-sets/{name}", PutRuleSetAsync).RequireAuthorization(ApiScopes.Admin);
        api.MapDelete("/rule-sets/{name}", async (string name, ClaimsPrincipal caller, IGrainFactory grains) =>
            Answer(await Config(grains).RemoveRuleSet(name, BearerAuthentication.Actor(caller)))).RequireAuthorization(ApiScopes.Admin);
        api.MapPost("/banks/{name}/import", ImportBankAsync).RequireAuthorization(ApiScopes.Admin);
        api.MapPut("/scoring/text-model", async (HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (assignment, problem) = await ApiJson.ReadAsync<TextModelAssignment>(request);
            return problem ?? Answer(await Config(grains).SetTextModel(assignment!, BearerAuthentication.Actor(caller)));
        }).RequireAuthorization(ApiScopes.Admin);
        api.MapPost("/scoring/text-model/promote", async (ClaimsPrincipal caller, IGrainFactory grains) =>
            Answer(await Config(grains).PromoteShadow(BearerAuthentication.Actor(caller)))).RequireAuthorization(ApiScopes.Admin);
    }

    private static async Task<IResult> SubmitAsync(string entity, HttpContext context, ClaimsPrincipal caller, IGrainFactory grains, IOptions<ApiSettings> settings)
    {
        // Submissions may carry images: their own, larger, body limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = settings.Value.MaxSubmissionBytes;
        }

        var (submission, problem) = context.Request.HasFormContentType
            ? await FromFormAsync(context.Request, BearerAuthentication.Actor(caller))
            : await FromJsonAsync(context.Request, BearerAuthentication.Actor(caller));
        if (problem is not null)
        {
            return problem;
        }

        var result = await grains.Content(entity, submission!.IdempotencyKey ?? string.Empty).Submit(submission);
        if (!result.Accepted)
        {
            return ApiProblems.Validation(result.Errors);
        }

        var body = ContentResponse.From(result.Content!, result.Duplicate);
        // 202 until the verdict is final: not yet scored, or its images still being scored after its text.
        return result.Content!.Verdict is null || result.Content.Status == ContentStatus.ScoringImages ? Results.Accepted(value: body) : Results.Ok(body);
    }

    private static async Task<(ContentSubmission?, IResult?)> FromJsonAsync(HttpRequest request, string actor)
    {
        var (body, problem) = await ApiJson.ReadAsync<SubmitRequest>(request);
        if (problem is not null)
        {
            return (null, problem);
        }

        var images = body!.Images ?? [];
        var missing = images.Select((image, i) => (image, i)).Where(x => x.image?.Data is null).Select(x => new FieldError($"Images[{x.i}].Data", "is required (base64)")).ToList();
        return missing.Count > 0
            ? (null, ApiProblems.Validation(missing))
            : (Submission(body, [.. images.Select(i => new SubmittedImage(i.Data!, i.Name))], actor), null);
    }

    private static async Task<(ContentSubmission?, IResult?)> FromFormAsync(HttpRequest request, string actor)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception error) when (error is InvalidDataException or BadHttpRequestException or IOException)
        {
            var tooLarge = error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
            return (null, Results.Problem(statusCode: tooLarge ? 413 : 400, title: tooLarge ? "Request body too large" : "Bad request", detail: error.Message));
        }

        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "idempotencyKey", "text", "author", "surface", "community", "locale" };
        var unknown = form.Keys.Where(k => !known.Contains(k)).Concat(form.Files.Select(f => f.Name).Where(n => n != "images")).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return (null, ApiProblems.Validation([.. unknown.Select(k => new FieldError(k, "is not a field of a submission (images go in file parts named 'images')"))]));
        }

        // A field sent twice would be joined with commas by the form reader: refuse it instead.
        var repeated = form.Where(f => f.Value.Count > 1).Select(f => f.Key).ToList();
        if (repeated.Count > 0)
        {
            return (null, ApiProblems.Validation([.. repeated.Select(k => new FieldError(k, $"is given {form[k].Count} times; send it once"))]));
        }

        var images = new List<SubmittedImage>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            images.Add(new SubmittedImage(buffer.ToArray(), file.FileName));
        }

        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        var body = new SubmitRequest(Field("idempotencyKey"), Field("text"), null, Field("author"), Field("surface"), Field("community"), Field("locale"));
        return (Submission(body, images, actor), null);
    }

    private static ContentSubmission Submission(SubmitRequest body, IReadOnlyList<SubmittedImage> images, string actor) => new()
    {
        IdempotencyKey = body.IdempotencyKey ?? string.Empty,
        Text = body.Text,
        Images = [.. images],
        Author = body.Author,
        Surface = body.Surface,
        Community = body.Community,
        Locale = body.Locale,
        Actor = actor,
    };

    private static async Task<IResult> PutRuleSetAsync(string name, int? expectedVersion, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var (set, problem) = await ApiJson.ReadAsync<RuleSetDefinition>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (set!.Name != name)
        {
            return ApiProblems.Validation("Name", $"the body names '{set.Name}' but the path '{name}'");
        }

        return Answer(await Config(grains).PutRuleSet(set, expectedVersion ?? 0, BearerAuthentication.Actor(caller)));
    }

    private static async Task<IResult> ImportBankAsync(string name, bool? replace, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var (body, problem) = await ApiJson.ReadAsync<BankImportRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        var bank = new HashBankInfo { Name = name, Policy = body!.Policy ?? string.Empty, Enforcement = body.Enforcement ?? "block", Threshold = body.Threshold ?? 31, MatchRotationsAndFlips = body.MatchRotationsAndFlips ?? false };
        return Answer(await Config(grains).ImportBank(bank, body.Entries ?? [], replace ?? false, BearerAuthentication.Actor(caller)));
    }

    private static IResult Answer(ScoringConfigResult result) => result.Saved ? Results.Ok(result) : ApiProblems.Refused(result.Errors);

    private static IScoringConfigGrain Config(IGrainFactory grains) => grains.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey);
}

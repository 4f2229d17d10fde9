using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Warden.Silo.Api;

/// <summary>
/// The /api/v1 OpenAPI document: only the facade's operations (not pages or the dashboard), each with its
/// id, feature and summary (<see cref="ApiOperations"/>), the scope it needs as a bearer requirement, and
/// the problem responses every operation can give.
/// </summary>
public static class ApiDocument
{
    public const string Bearer = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Warden HTTP facade";
            document.Info.Description = "Labels, enforcement, content submission, scoring, review queues and jobs, appeals, bulk actions. "
                + "Authenticate with 'Authorization: Bearer <API key or session token>'; each operation names the scope it needs. "
                + "Errors are application/problem+json naming the field or parameter.";
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (wdn_…, scopes chosen when it was created) or a person's session token (wds_…, scopes from their roles).",
            };
            document.Tags = new HashSet<OpenApiTag>(ApiOperations.Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
            return Task.CompletedTask;
        });
        // A nullable member may be left out of a body (the facade reads it as null), so it is not "required",
        // whatever the record's constructor says.
        options.AddSchemaTransformer((schema, _, _) =>
        {
            if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
            {
                foreach (var name in required.Where(n => properties.TryGetValue(n, out var p) && p.Type is { } type && type.HasFlag(JsonSchemaType.Null)).ToList())
                {
                    required.Remove(name);
                }
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var description = context.Description;
            operation.Responses ??= new OpenApiResponses();
            if (ApiOperations.ByRoute.TryGetValue($"{description.HttpMethod} {description.RelativePath?.TrimEnd('/')}", out var known))
            {
                operation.OperationId = known.Id;
                operation.Summary = known.Summary;
                operation.Tags = new HashSet<OpenApiTagReference> { new(known.Tag, context.Document) };
                if (known.Request is { } request)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(request, null, cancellationToken) } },
                    };
                }

                if (known.Response is { } response)
                {
                    operation.Responses.Remove("200");
                    operation.Responses[known.Status] = new OpenApiResponse
                    {
                        Description = known.Status == "200" ? "OK" : known.Status == "201" ? "Created" : "Accepted",
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(response, null, cancellationToken) } },
                    };
                }
            }

            var metadata = description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var scopes = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
            operation.Security = anonymous
                ? []
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = scopes }];
            Problem(operation, "400", "The request names a bad field or parameter (problem+json lists each)");
            if (!anonymous)
            {
                Problem(operation, "401", "No valid API key or session");
                Problem(operation, "403", scopes.Count == 0 ? "Not allowed for this caller" : $"The caller lacks the scope {string.Join(" or ", scopes)}");
            }

            Problem(operation, "429", "Too many requests: wait for Retry-After");
        });
    }

    private static void Problem(OpenApiOperation operation, string status, string why) =>
        operation.Responses!.TryAdd(status, new OpenApiResponse { Description = why });
}

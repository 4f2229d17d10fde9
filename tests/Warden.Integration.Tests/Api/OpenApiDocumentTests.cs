using System.Net;
using System.Text.Json;
using Warden.Abstractions.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>
/// The OpenAPI document is generated from the endpoints and served without a key; every operation has an id,
/// a summary, a feature, its scope and its error responses, and Redocly's recommended rules find no error.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OpenApiDocumentTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_document_lists_every_capabilitys_endpoints()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_openapi"), "api-openapi");

        var response = await silo.Http.GetAsync("/api/v1/openapi.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await Json(response);
        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain([
            "/api/v1/entities/{entity}/labels",
            "/api/v1/entities/{entity}/enforcement",
            "/api/v1/entities/{entity}/content",
            "/api/v1/queues",
            "/api/v1/routing",
            "/api/v1/rule-sets/{name}",
            "/api/v1/banks/{name}/import",
            "/api/v1/entities/{entity}/appeals",
            "/api/v1/entities/{entity}/strikes",
        ]);
    }

    [Fact]
    public async Task Every_operation_is_described_and_the_document_passes_redocly_lint()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_openapi_lint"), "api-openapi-lint");
        var text = await silo.Http.GetStringAsync("/api/v1/openapi.json");
        var document = JsonDocument.Parse(text).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        operations.Should().HaveCountGreaterThan(50).And.OnlyContain(o => o.Route.Contains(" /api/v1/"), "pages and the dashboard are not part of the facade");
        foreach (var (route, operation) in operations)
        {
            operation.TryGetProperty("operationId", out _).Should().BeTrue($"{route} has an operationId (add it to ApiOperations)");
            operation.GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace(route);
            operation.TryGetProperty("security", out _).Should().BeTrue($"{route} states what it needs");
            operation.GetProperty("responses").TryGetProperty("429", out _).Should().BeTrue(route);
        }

        document.GetProperty("paths").GetProperty("/api/v1/entities/{entity}/labels").GetProperty("post").GetProperty("security")[0].GetProperty("bearer")[0]
            .GetString().Should().Be("labels:write");
        var file = Path.Combine(Path.GetTempPath(), $"warden-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        try
        {
            var (exitCode, report, log) = await NodeTools.RunAsync(NodeTools.Bin("redocly"), ["lint", file, "--format=json", "--max-problems=1000"]);
            var totals = JsonDocument.Parse(report).RootElement.GetProperty("totals");
            totals.GetProperty("errors").GetInt32().Should().Be(0, $"redocly lint (recommended rules) reports no error; exit {exitCode}: {report} {log}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_client_generated_from_the_document_is_typed_end_to_end_and_works_against_a_silo()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_generated_client"), "api-generated-client");
        var key = await CreateKeyAsync(silo, "generated", ApiScopes.LabelsWrite, ApiScopes.EnforcementRead, ApiScopes.Submit, ApiScopes.QueuesAdmin);
        var text = await silo.Http.GetStringAsync("/api/v1/openapi.json");

        // Every operation that reads a JSON body says its schema, and every one that answers JSON says that schema.
        var document = JsonDocument.Parse(text).RootElement;
        foreach (var (route, operation) in Warden.Silo.Api.ApiOperations.ByRoute)
        {
            var (method, path) = (route.Split(' ')[0].ToLowerInvariant(), "/" + route.Split(' ')[1]);
            var described = document.GetProperty("paths").GetProperty(path).GetProperty(method);
            if (operation.Request is not null)
            {
                described.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").EnumerateObject().Should().NotBeEmpty(route);
            }

            if (operation.Response is not null)
            {
                described.GetProperty("responses").GetProperty(operation.Status).GetProperty("content").GetProperty("application/json").GetProperty("schema").EnumerateObject().Should().NotBeEmpty(route);
            }
        }

        var folder = NodeTools.ScratchFolder();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "openapi.json"), text);
            File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "Warden.Integration.Tests", "Api", "GeneratedClient", "client.mts"), Path.Combine(folder, "client.mts"));
            await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), """
                { "compilerOptions": { "strict": true, "target": "es2022", "module": "nodenext", "moduleResolution": "nodenext", "skipLibCheck": true, "outDir": "out" }, "files": ["client.mts"] }
                """);
            await ShouldSucceed(NodeTools.RunAsync(NodeTools.Bin("openapi-typescript"), ["openapi.json", "-o", "schema.d.ts"], folder), "openapi-typescript");
            await ShouldSucceed(NodeTools.RunAsync(NodeTools.Bin("tsc"), ["-p", "tsconfig.json"], folder), "tsc --strict over the generated types");
            var output = await ShouldSucceed(NodeTools.RunAsync("node", [Path.Combine("out", "client.mjs"), silo.Http.BaseAddress!.ToString().TrimEnd('/'), key], folder), "the generated client's calls");

            var answers = JsonDocument.Parse(output).RootElement;
            answers.GetProperty("outcome").GetString().Should().Be("added");
            answers.GetProperty("enforcement").GetString().Should().Be("limit");
            answers.GetProperty("because").GetString().Should().Be("ts-client");
            answers.GetProperty("verdicts").EnumerateArray().Select(v => v.GetString()).Should().Equal("limit", "allow");
            answers.GetProperty("status").GetString().Should().NotBeNullOrEmpty();
            answers.GetProperty("queueCount").GetInt32().Should().BeGreaterThanOrEqualTo(0);
            answers.GetProperty("refusedStatus").GetInt32().Should().Be(400);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> ShouldSucceed(Task<(int ExitCode, string Output, string Log)> run, string what)
    {
        var (exitCode, output, log) = await run;
        exitCode.Should().Be(0, $"{what} succeeds: {output} {log}");
        return output;
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;
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
            var (exitCode, report, log) = await LintAsync(file);
            var totals = JsonDocument.Parse(report).RootElement.GetProperty("totals");
            totals.GetProperty("errors").GetInt32().Should().Be(0, $"redocly lint (recommended rules) reports no error; exit {exitCode}: {report} {log}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs the Redocly CLI installed with the npm assets (deploy/assets/install.sh) on the document.</summary>
    private static async Task<(int ExitCode, string Report, string Log)> LintAsync(string file)
    {
        var cli = Path.Combine(Warden.Scoring.ScoringAssets.Locate(), ".bin", "redocly");
        var info = new ProcessStartInfo(cli, ["lint", file, "--format=json", "--max-problems=1000"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}

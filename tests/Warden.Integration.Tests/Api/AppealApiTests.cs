using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Access;
using Warden.Abstractions.Labels;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>Appeals over HTTP: filed by the platform for an owner, refused clearly, listed; strikes read.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AppealApiTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_platform_files_an_owners_appeal_and_every_bad_one_is_refused_with_its_reason()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_appeals"), "api-appeals");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        await SaveAsync(grains, Sample("appeals"));
        var label = new Label { Source = new LabelSource("spam-model", SourceKind.Automated, "v7"), Enforcement = "limit", Policy = "spam", CreatedAt = DateTimeOffset.UtcNow };
        await grains.GetGrain<IEntityGrain>("pin:h1").WriteLabel(label, "svc:model");
        var platform = await CreateKeyAsync(silo, "platform", ApiScopes.Submit);
        var reader = await CreateKeyAsync(silo, "reader", ApiScopes.EnforcementRead);
        var http = silo.Http;
        const string body = """{ "statement": "It is a recipe, not an ad.", "appellant": "user:9", "surface": "home_feed" }""";

        var filed = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:h1/appeals", platform, body));
        var twice = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:h1/appeals", platform, body));
        var empty = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:h1/appeals", platform, """{ "statement": "", "surface": "moon" }"""));
        var unknownField = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:h1/appeals", platform, """{ "statement": "x", "mood": "angry" }"""));
        var badEntity = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/planet:1/appeals", platform, body));
        var notEnforced = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:clean/appeals", platform, body));
        var byReader = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/entities/pin:h1/appeals", reader, body));

        filed.StatusCode.Should().Be(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var appeal = await Json(filed);
        appeal.GetProperty("appellant").GetString().Should().Be("user:9");
        appeal.GetProperty("contested").GetProperty("enforcement").GetString().Should().Be("limit");
        (await Problem(twice, HttpStatusCode.Conflict)).GetProperty("detail").GetString().Should().Contain("is open already");
        var errors = (await Problem(empty, HttpStatusCode.BadRequest)).GetProperty("errors");
        errors.TryGetProperty("Statement", out _).Should().BeTrue();
        errors.GetProperty("Surface")[0].GetString().Should().StartWith("unknown surface 'moon'");
        await Problem(unknownField, HttpStatusCode.BadRequest);
        (await Problem(badEntity, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Entity")[0].GetString().Should().Contain("unknown entity type 'planet'");
        (await Problem(notEnforced, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Entity")[0].GetString().Should().Be("nothing to appeal: pin:clean is not enforced on home_feed");
        await Problem(byReader, HttpStatusCode.Forbidden);

        var listed = await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:h1/appeals", reader)));
        listed.GetArrayLength().Should().Be(1);
        listed[0].GetProperty("status").GetString().Should().Be("open");
        var strikes = await Json(await http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/user:9/strikes", reader)));
        strikes.GetProperty("activeTotal").GetInt32().Should().Be(0);
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Access;
using Warden.Core.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;

namespace Warden.Integration.Tests.Api;

/// <summary>Sessions live in their own grains: capped per account, ended by a password change or a disable, revoked keys refused.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SessionTests(PostgresFixture postgres)
{
    private const string Password = "a long enough passphrase";

    [Fact]
    public async Task An_account_keeps_its_newest_sessions_and_a_password_change_or_disable_ends_them()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("api_sessions"), "api-sessions", settings: new Dictionary<string, string?>
        {
            ["Warden:Api:SessionCacheLifetime"] = "00:00:00",
            ["Warden:Api:KeyCacheLifetime"] = "00:00:00",
        });
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var accounts = grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
        (await accounts.Create("lena", Password, [AccountRoles.Lead], [], "test")).Errors.Should().BeEmpty();
        var http = silo.Http;

        var tokens = new List<string>();
        for (var i = 0; i < AccountRules.MaxSessionsPerAccount + 1; i++)
        {
            tokens.Add(await SignInAsync(http, "lena", Password));
        }

        (await StatusAsync(http, tokens[0])).Should().Be(HttpStatusCode.Unauthorized, "signing in past the cap ends the oldest session");
        (await StatusAsync(http, tokens[1])).Should().Be(HttpStatusCode.OK);
        (await StatusAsync(http, tokens[^1])).Should().Be(HttpStatusCode.OK);
        (await http.SendAsync(Request(HttpMethod.Delete, "/api/v1/sessions", tokens[1]))).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await StatusAsync(http, tokens[1])).Should().Be(HttpStatusCode.Unauthorized, "a signed-out session ends");

        (await accounts.SetPassword("lena", "another long passphrase", "test")).Errors.Should().BeEmpty();
        (await StatusAsync(http, tokens[^1])).Should().Be(HttpStatusCode.Unauthorized, "a password change ends every session");
        (await SignInAsync(http, "lena", "another long passphrase", expected: HttpStatusCode.OK)).Should().NotBeEmpty();
        var fresh = await SignInAsync(http, "lena", "another long passphrase");
        (await StatusAsync(http, fresh)).Should().Be(HttpStatusCode.OK);

        (await accounts.Disable("lena", "test")).Errors.Should().BeEmpty();
        (await StatusAsync(http, fresh)).Should().Be(HttpStatusCode.Unauthorized, "a disabled account's sessions end");
        await SignInAsync(http, "lena", "another long passphrase", expected: HttpStatusCode.Unauthorized);

        var key = await CreateKeyAsync(silo, "reader", ApiScopes.QueuesAdmin);
        (await StatusAsync(http, key)).Should().Be(HttpStatusCode.OK);
        (await Registry(silo).Revoke(key[4..16], "test")).Should().BeTrue();
        (await StatusAsync(http, key)).Should().Be(HttpStatusCode.Unauthorized, "a revoked key is refused");
        (await Registry(silo).List()).Should().ContainSingle(k => k.RevokedAt != null, "the list shows the revocation");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string token) =>
        (await http.SendAsync(Request(HttpMethod.Get, "/api/v1/queues", token))).StatusCode;

    private static async Task<string> SignInAsync(HttpClient http, string username, string password, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.SendAsync(Request(HttpMethod.Post, "/api/v1/sessions", null, System.Text.Json.JsonSerializer.Serialize(new { username, password })));
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return expected == HttpStatusCode.OK ? (await Json(response)).GetProperty("token").GetString()! : string.Empty;
    }
}

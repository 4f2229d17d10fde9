using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;

namespace Warden.Integration.Tests.Hosting;

[Collection(PostgresCollection.Name)]
public sealed class HostEndpointTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_cluster_mode_silo_is_alive_ready_and_serves_the_dashboard_to_operators_only()
    {
        var connectionString = await postgres.CreateDatabaseAsync("host_ready");
        await using var silo = await LoopbackSilo.StartAsync(connectionString, "host-" + Guid.NewGuid().ToString("N")[..8],
            settings: new Dictionary<string, string?> { ["Warden:Collection:MemoryUsageLimitPercentage"] = "85" });
        var http = silo.Http;
        var collection = silo.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.GrainCollectionOptions>>().Value;
        (collection.EnableActivationSheddingOnMemoryPressure, collection.MemoryUsageLimitPercentage).Should().Be((true, 85), "shedding is on by default and Warden:Collection binds");

        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await Eventually.Succeeds(() => http.GetAsync("/readyz"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness");
        var report = await ready.Content.ReadAsStringAsync();
        report.Should().Contain("\"silo\"").And.Contain("\"storage\"").And.Contain("Orleans queries installed");
        report.Should().Contain("models run on cpu; image model: none configured");
        var anonymous = await http.GetAsync("/dashboard/");
        anonymous.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/signin", "a browser without a session is sent to sign in");
        anonymous.RequestMessage.RequestUri.Query.Should().Contain("returnUrl=%2Fdashboard%2F");

        var accounts = silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
        (await accounts.Create("olga", "operator password", [AccountRoles.Operator], [], "test")).Errors.Should().BeEmpty();
        (await accounts.Create("rex", "reviewer password", [AccountRoles.Reviewer], ["spam-reviewers"], "test")).Errors.Should().BeEmpty();
        using var reviewerBrowser = new HttpClient { BaseAddress = http.BaseAddress };
        await SignInAsync(reviewerBrowser, "rex", "reviewer password");
        await SignInAsync(http, "olga", "operator password");

        (await reviewerBrowser.GetAsync("/dashboard/")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await http.GetAsync("/dashboard/")).StatusCode.Should().Be(HttpStatusCode.OK, "the session cookie from sign-in opens the dashboard for an operator");
        (await http.GetAsync("/api/v1/entities/pin:1/enforcement?surface=home_feed")).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "the API takes bearer tokens, never the cookie, so it cannot be driven cross-site");
    }

    /// <summary>Signs in through the page, as a browser does (the API's sign-in sets no cookie).</summary>
    internal static async Task SignInAsync(HttpClient browser, string username, string password)
    {
        var form = await browser.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.Should().NotBeEmpty("the sign-in form carries an anti-forgery token");
        var response = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().NotBe("/signin", "the browser was signed in and sent on");
    }

    [Fact]
    public async Task Readiness_fails_with_the_reason_when_storage_goes_away()
    {
        var connectionString = await postgres.CreateDatabaseAsync("host_storage_gone");
        await using var silo = await LoopbackSilo.StartAsync(connectionString, "host-" + Guid.NewGuid().ToString("N")[..8]);
        var http = silo.Http;
        await Eventually.Succeeds(() => http.GetAsync("/readyz"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness");

        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString))
        {
            await using var drop = dataSource.CreateCommand("DELETE FROM OrleansQuery");
            await drop.ExecuteNonQueryAsync();
        }

        var notReady = await http.GetAsync("/readyz");
        notReady.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await notReady.Content.ReadAsStringAsync()).Should().Contain("schema in deploy/sql was not applied");
        (await http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK, "the process itself is still alive");
    }

    [Fact]
    public async Task Readiness_fails_naming_the_grain_when_a_needed_grain_cannot_load_its_state()
    {
        var connectionString = await postgres.CreateDatabaseAsync("host_state_unreadable");
        var serviceId = "host-" + Guid.NewGuid().ToString("N")[..8];
        await using (var first = await LoopbackSilo.StartAsync(connectionString, serviceId))
        {
            var accounts = first.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
            (await accounts.Create("olga", "operator password", [AccountRoles.Operator], [], "test")).Errors.Should().BeEmpty();
        }

        // The stored list of accounts becomes unreadable, as a state written in a format the silo refuses would be.
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString))
        {
            await using var corrupt = dataSource.CreateCommand("UPDATE OrleansStorage SET PayloadBinary = '\\x00ff00ff'::bytea WHERE GrainTypeString = 'account-index'");
            (await corrupt.ExecuteNonQueryAsync()).Should().Be(1);
        }

        await using var second = await LoopbackSilo.StartAsync(connectionString, serviceId);
        var notReady = await Eventually.Succeeds(() => second.Http.GetAsync("/readyz"), r => r.StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), "not ready");
        (await notReady.Content.ReadAsStringAsync()).Should().Contain("accounts");
        (await second.Http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Ui;

/// <summary>Operators reach the Orleans dashboard and Warden's metrics from the pages; reviewers do not.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OperatorLinksTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_operator_follows_the_links_to_the_dashboard_and_the_metrics()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_operator"), "ui-operator");
        var spam = await SaveAsync(silo.App.Services.GetRequiredService<IGrainFactory>(), Sample("spam"));
        await spam.Enqueue(Job("ui:o1", "pin:o1"));
        await using var ui = await UiSession.OpenAsync(silo);
        var reviewer = await ui.SignInAsync("rob", [AccountRoles.Reviewer], ["spam-reviewers"]);
        await Assertions.Expect(reviewer.Locator("#metrics-link")).ToHaveCountAsync(0);
        (await reviewer.GotoAsync("/metrics"))!.Status.Should().Be(403);

        var operatorPage = await ui.SignInAsync("olga", [AccountRoles.Operator], []);
        await operatorPage.ClickAsync("#metrics-link");
        var metrics = await operatorPage.Locator("body").TextContentAsync();
        metrics.Should().Contain("warden_queue_depth").And.Contain("queue=\"spam-en\"");
        await operatorPage.GotoAsync("/queues");
        var dashboard = await operatorPage.RunAndWaitForResponseAsync(() => operatorPage.ClickAsync("#dashboard-link"), r => r.Url.Contains("/dashboard"));
        dashboard.Status.Should().Be(200);
        ui.ShouldBeClean(provokedStatuses: [403]);
    }
}

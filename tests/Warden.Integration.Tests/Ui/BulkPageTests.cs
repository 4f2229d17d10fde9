using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Abstractions.Bulk;
using Warden.Abstractions.Labels;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;

namespace Warden.Integration.Tests.Ui;

/// <summary>An admin previews, runs and undoes a bulk operation from the page; a lead may not.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BulkPageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_admin_previews_runs_and_undoes_a_bulk_removal()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_bulk"), "ui-bulk");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        for (var i = 0; i < 30; i++)
        {
            var label = new Label { Source = new LabelSource("spam-model", SourceKind.Automated, "v9"), Enforcement = i % 3 == 0 ? "block" : "limit", Policy = "spam", CreatedAt = DateTimeOffset.UtcNow };
            await grains.GetGrain<IEntityGrain>($"pin:bp{i:00}").WriteLabel(label, "svc:model");
        }

        await using var ui = await UiSession.OpenAsync(silo);
        var lead = await ui.SignInAsync("leo", [AccountRoles.Lead], []);
        (await lead.GotoAsync("/admin/bulk"))!.Status.Should().Be(403);
        var admin = await ui.SignInAsync("ada-admin", [AccountRoles.Admin], []);
        await admin.ClickAsync("#bulk-link");

        await admin.ClickAsync("#preview");
        await Assertions.Expect(admin.Locator("[data-error-for=Query]")).ToContainTextAsync("never matches everything");
        await admin.FillAsync("input[name='Query.Source']", "automated/spam-model/*");
        await admin.FillAsync("input[name='Query.Enforcement']", "block");
        await admin.ClickAsync("#preview");
        await Assertions.Expect(admin.Locator("#preview-count")).ToHaveTextAsync("10 entities match now.");
        await Assertions.Expect(admin.Locator("#preview-sample")).ToContainTextAsync("pin:bp00, pin:bp03");

        await admin.SelectOptionAsync("select[name='Action.Kind']", "remove");
        await admin.FillAsync("input[name='Action.RemoveSource']", "automated/spam-model/v9");
        await admin.FillAsync("input[name='Action.Reason']", "v9 blocked recipes");
        await admin.ClickAsync("#run");
        var id = await Eventually.Succeeds(() => grains.GetGrain<IBulkQueryGrain>(0).List(1), o => o.Count == 1 && o[0].Status == BulkStatus.Applied, TimeSpan.FromSeconds(30), "the operation applied");
        await admin.ReloadAsync();
        var row = admin.Locator($"tr[data-operation={id[0].Id}]");
        await Assertions.Expect(row.Locator("[data-field=outcomes]")).ToHaveTextAsync("applied 10");
        (await grains.GetGrain<IEntityGrain>("pin:bp03").GetLabels()).Live.Should().BeEmpty();

        await row.Locator("button").ClickAsync();
        await Eventually.Succeeds(() => grains.GetGrain<IBulkOperationGrain>(id[0].Id).Get(), o => o!.Status == BulkStatus.Undone, TimeSpan.FromSeconds(30), "the operation undone");
        (await grains.GetGrain<IEntityGrain>("pin:bp03").GetLabels()).Live.Should().ContainSingle().Which.Enforcement.Should().Be("block");
        ui.ShouldBeClean(provokedStatuses: [403, 422]);
    }
}

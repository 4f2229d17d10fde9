using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Warden.Abstractions.Access;
using Warden.Abstractions.Labels;
using Warden.Integration.Tests.Hosting;
using Warden.Integration.Tests.Infrastructure;
using Warden.Silo.Ui;
using Warden.Testing;

namespace Warden.Integration.Tests.Ui;

/// <summary>Entity keys with '/', '?', '#' and '%' open their own page, not another key's empty one.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EntityLinkTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("pin:a/b")]
    [InlineData("pin:x?y=1#z%2F")]
    public void A_link_escapes_each_part_of_the_key(string key) =>
        Uri.UnescapeDataString(EntityLinks.Page(key)).Should().Be("/entities/" + key);

    [Fact]
    public async Task A_key_with_a_slash_opens_its_own_entity_page()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_entity_links"), "ui-entity-links");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        (await grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey).Create("lena", "a long enough passphrase", [AccountRoles.Lead], [], "test")).Errors.Should().BeEmpty();
        var label = new Label { Source = new LabelSource("spam-model", SourceKind.Automated, "v7"), Enforcement = "limit", Policy = "spam", CreatedAt = DateTimeOffset.UtcNow, Evidence = "evidence-for-a-slash-b" };
        (await grains.GetGrain<IEntityGrain>("pin:a/b").WriteLabel(label, "test")).Outcome.Should().Be(LabelWriteOutcome.Added);

        await HostEndpointTests.SignInAsync(silo.Http, "lena", "a long enough passphrase");
        var page = await silo.Http.GetAsync(EntityLinks.Page("pin:a/b"));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("evidence-for-a-slash-b", "the page is the one of pin:a/b, with its label");
    }
}

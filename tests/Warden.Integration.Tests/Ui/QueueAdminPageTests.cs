using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Abstractions.Appeals;
using Warden.Abstractions.Queues;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Ui;

/// <summary>A lead builds a queue in the browser, a reviewer works it, and both can see what happened and why.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QueueAdminPageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_lead_creates_and_edits_a_queue_and_a_reviewer_in_its_group_works_it()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_admin"), "ui-admin");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        await using var ui = await UiSession.OpenAsync(silo);
        var reviewer = await ui.SignInAsync("rene", [AccountRoles.Reviewer], ["scam-team"]);
        await Assertions.Expect(reviewer.Locator(".empty")).ToContainTextAsync("No queue lists any of your groups");
        (await reviewer.GotoAsync("/admin/queues"))!.Status.Should().Be(403, "reviewers do not administer queues");
        await Assertions.Expect(reviewer.Locator("#error-message")).ToContainTextAsync("Your account may not open this page");

        var lead = await ui.SignInAsync("lena", [AccountRoles.Lead], []);
        await lead.ClickAsync("#admin-link");
        await lead.ClickAsync("#new-queue");
        await lead.FillAsync("input[name='Form.Id']", "scams");
        await lead.FillAsync("input[name='Form.Name']", "Scams");
        await lead.FillAsync("textarea[name='Form.ObjectTypes']", "pin: remove(r)=block, approve(a)=allow");
        await lead.FillAsync("textarea[name='Form.Labels']", "advance fee (r) *");
        await lead.FillAsync("input[name='Form.Policies']", "spam (s)");
        await lead.FillAsync("input[name='Form.TargetHandlingTime']", "four hours");
        await lead.ClickAsync("#save-queue");

        await Assertions.Expect(lead.Locator("[data-error-for=Hotkeys]")).ToHaveTextAsync("'r' is the key of label 'advance fee' and pin action 'remove'");
        await Assertions.Expect(lead.Locator("[data-error-for=TargetHandlingTime]")).ToContainTextAsync("'four hours' is not a duration");
        await Assertions.Expect(lead.Locator("[data-error-for=ReviewerGroups]")).ToContainTextAsync("must name at least one group");
        await Assertions.Expect(lead.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not saved: 3 problems to fix.");
        (await lead.InputValueAsync("textarea[name='Form.ObjectTypes']")).Should().Be("pin: remove(r)=block, approve(a)=allow", "nothing typed is lost");
        (await grains.GetGrain<IQueueGrain>("scams").GetConfig()).Should().BeNull();

        await lead.FillAsync("input[name='Form.TargetHandlingTime']", "04:00:00");
        await lead.FillAsync("textarea[name='Form.Labels']", "advance fee (f) *");
        await lead.FillAsync("input[name='Form.ReviewerGroups']", "scam-team");
        await lead.ClickAsync("#save-queue");
        await lead.WaitForURLAsync("**/admin/queues/versions/scams");
        await Assertions.Expect(lead.Locator("#versions tbody tr")).ToHaveCountAsync(1);

        await lead.GotoAsync("/admin/queues/edit/scams");
        await lead.FillAsync("input[name='Form.Name']", "Scams and fraud");
        await lead.UncheckAsync("input[name='Form.BlurMedia'][type=checkbox]");
        await lead.ClickAsync("#save-queue");
        await lead.WaitForURLAsync("**/admin/queues/versions/scams");
        await Assertions.Expect(lead.Locator("#diff .removed")).ToHaveTextAsync(["-   \"version\": 1,", "-   \"blurMedia\": true,", "-   \"name\": \"Scams\","]);
        await Assertions.Expect(lead.Locator("#diff .added")).ToHaveTextAsync(["+   \"version\": 2,", "+   \"blurMedia\": false,", "+   \"name\": \"Scams and fraud\","]);
        var saved = (await grains.GetGrain<IQueueGrain>("scams").GetConfig())!;
        saved.Version.Should().Be(2);
        saved.BlurMedia.Should().BeFalse();
        saved.Labels.Should().Equal(new QueueLabel("advance fee", "f", Mandatory: true));

        // The reviewer's next page load lists the new queue: no restart, no re-login.
        var job = await grains.GetGrain<IQueueGrain>("scams").Enqueue(Job("ui:s1", "pin:s1"));
        await reviewer.GotoAsync("/queues");
        await reviewer.ClickAsync("text=Scams and fraud");
        await Assertions.Expect(reviewer.Locator("#job-link")).ToHaveTextAsync(job.JobId!);
        foreach (var key in new[] { "r", "s", "f", "Enter" })
        {
            await reviewer.Keyboard.PressAsync(key);
        }

        await Assertions.Expect(reviewer.Locator("#queue-empty")).ToBeVisibleAsync();

        // Review details: the decision, who made it, and why the Pin is now blocked on every surface.
        await lead.GotoAsync($"/jobs/{job.JobId}");
        await Assertions.Expect(lead.Locator("#decisions tbody tr").First).ToContainTextAsync("user:rene");
        await lead.ClickAsync("text=pin:s1");
        var homeFeed = lead.Locator("#enforcement tr[data-surface=home_feed]");
        await Assertions.Expect(homeFeed.Locator("[data-field=enforcement]")).ToHaveTextAsync("block");
        await Assertions.Expect(homeFeed.Locator("[data-field=why]")).ToContainTextAsync("human/warden-review/scams says block for spam");
        await Assertions.Expect(lead.Locator("#decisions")).ToContainTextAsync("user:rene");

        // The owner appeals; the entity page shows the appeal beside the enforcement it contests.
        await SaveAsync(grains, Sample("appeals"));
        var appeal = await grains.GetGrain<IAppealsGrain>("pin:s1").File(new AppealRequest { Appellant = "user:owner", Statement = "<b>it was a gift</b>" });
        appeal.Errors.Should().BeEmpty();
        await lead.ReloadAsync();
        await Assertions.Expect(lead.Locator("#appeals")).ToContainTextAsync("<b>it was a gift</b>");
        await Assertions.Expect(lead.Locator("#appeals")).ToContainTextAsync("human/warden-review/scams → block (spam)");
        await lead.GotoAsync("/admin/queues");
        await lead.ClickAsync("tr[data-queue=scams] >> text=quality");
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("Reviewer quality in scams");
        ui.ShouldBeClean(provokedStatuses: [403, 422]);
    }
}

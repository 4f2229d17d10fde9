using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Warden.Abstractions.Access;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using Xunit.Abstractions;
using static Warden.Integration.Tests.Api.ApiKeyFixtures;

namespace Warden.Integration.Tests.Scoring;

/// <summary>Images that declare more pixels than the budget are refused from their headers, before any memory is spent on them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImageBombTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task Decompression_bombs_are_refused_naming_the_image_and_leave_the_silos_memory_alone()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("scoring_bombs"), "scoring-bombs");
        var key = await CreateKeyAsync(silo, "feed", ApiScopes.Submit);
        var bomb = DecompressionBombs.Png(20_000, 20_000);
        bomb.Length.Should().BeLessThan(100, "a few dozen bytes claim 400 megapixels");

        HttpRequestMessage Submit(string id, int images) => Request(HttpMethod.Post, $"/api/v1/entities/pin:{id}/content", key,
            JsonSerializer.Serialize(new { idempotencyKey = id, images = Enumerable.Range(0, images).Select(i => new { name = $"bomb-{i}.png", data = bomb }) }));

        var rssBefore = ResidentBytes();
        var single = await Problem(await silo.Http.SendAsync(Submit("b1", 1)), HttpStatusCode.BadRequest);
        single.GetProperty("errors").GetProperty("Images[0]")[0].GetString().Should().Contain("20000×20000");
        var eight = await Problem(await silo.Http.SendAsync(Submit("b8", 8)), HttpStatusCode.BadRequest);
        eight.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().HaveCount(8);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => silo.Http.SendAsync(Submit($"c{i}", 8))));
        concurrent.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.BadRequest);
        var rssAfter = ResidentBytes();

        output.WriteLine($"silo process RSS before {rssBefore / 1048576.0:F0} MiB, after 1 + 8 + 16×8 bomb images (each declaring 400 MP, 1.6 GB to decode) {rssAfter / 1048576.0:F0} MiB");
        (rssAfter - rssBefore).Should().BeLessThan(256L * 1024 * 1024, "nothing was decoded: one bomb alone would have taken 1.6 GB");
        (await silo.Http.SendAsync(Request(HttpMethod.Get, "/api/v1/entities/pin:b1/content/b1", key))).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing refused is stored");
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }
}

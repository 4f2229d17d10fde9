namespace Warden.Silo.Ui;

/// <summary>
/// Links to entity pages that round-trip every key: each <c>/</c>-separated part is escaped on its own and the
/// page takes the rest of the path, so <c>pin:a/b</c> opens <c>pin:a/b</c>, not an empty page for another key.
/// </summary>
public static class EntityLinks
{
    public static string Page(string entity) => "/entities/" + string.Join('/', entity.Split('/').Select(Uri.EscapeDataString));
}

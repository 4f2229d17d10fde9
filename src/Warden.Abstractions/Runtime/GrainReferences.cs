namespace Warden.Abstractions.Runtime;

/// <summary>
/// Grain references for string-keyed grains on hot paths. <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> resolves
/// the interface's type by reading its attributes through reflection on every call (measured: about a sixth
/// of an HTTP verdict read); the grain and interface types never change in a process, so they are resolved
/// once per interface and each reference is then built from its grain id alone.
/// </summary>
public static class GrainReferences
{
    public static T Get<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        var types = Types<T>.Resolve(grains);
        return (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    /// <summary>A class, so publishing it to other threads is one atomic reference write.</summary>
    private sealed record ResolvedTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class Types<T> where T : IGrainWithStringKey
    {
        private static ResolvedTypes? _resolved;

        public static ResolvedTypes Resolve(IGrainFactory grains)
        {
            // The factory's own answer for one key: the same mapping every later reference would get.
            return _resolved ??= From((GrainReference)(object)grains.GetGrain<T>("-"));
        }

        private static ResolvedTypes From(GrainReference probe) => new(probe.GrainId.Type, probe.InterfaceType);
    }
}

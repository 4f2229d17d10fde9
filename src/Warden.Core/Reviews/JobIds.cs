using System.Security.Cryptography;
using System.Text;

namespace Warden.Core.Reviews;

/// <summary>Job ids derived from enqueue keys, so the same key always names the same job grain.</summary>
public static class JobIds
{
    public static string FromKey(string key) =>
        "job-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
}

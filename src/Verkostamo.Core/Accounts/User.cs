using Microsoft.AspNetCore.Identity;

namespace Verkostamo.Core.Accounts;

/// <summary>A person's account. Actors in a network's map need no account; members do.</summary>
public class User : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>UI language the user chose last: fi, sv or en.</summary>
    public string PreferredLanguage { get; set; } = Languages.Default;

    public bool IsAdministrator { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

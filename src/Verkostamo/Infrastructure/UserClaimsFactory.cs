using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Verkostamo.Core.Accounts;

namespace Verkostamo.Infrastructure;

/// <summary>Adds the administrator flag and the display name to the signed-in principal.</summary>
public sealed class UserClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    public const string DisplayNameClaim = "verkostamo:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(AdminClaim.Type, AdminClaim.Value));
        }
        return identity;
    }
}

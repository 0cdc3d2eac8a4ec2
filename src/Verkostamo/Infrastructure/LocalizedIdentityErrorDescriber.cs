using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Verkostamo.Resources;

namespace Verkostamo.Infrastructure;

/// <summary>Identity's error messages in the user's language (resource keys <c>Identity.{Code}</c>).</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public IdentityError FromCode(string code, params object[] args) => new() { Code = code, Description = l["Identity." + code, args] };

    public override IdentityError DefaultError() => FromCode(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => FromCode(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => FromCode(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => FromCode(nameof(InvalidToken));
    public override IdentityError LoginAlreadyAssociated() => FromCode(nameof(DefaultError));
    public override IdentityError InvalidUserName(string? userName) => FromCode(nameof(InvalidEmail), userName ?? "");
    public override IdentityError InvalidEmail(string? email) => FromCode(nameof(InvalidEmail), email ?? "");
    public override IdentityError DuplicateUserName(string userName) => FromCode(nameof(DuplicateEmail), userName);
    public override IdentityError DuplicateEmail(string email) => FromCode(nameof(DuplicateEmail), email);
    public override IdentityError PasswordTooShort(int length) => FromCode(nameof(PasswordTooShort), length);
    public override IdentityError RecoveryCodeRedemptionFailed() => FromCode(nameof(RecoveryCodeRedemptionFailed));
    public override IdentityError UserAlreadyHasPassword() => FromCode(nameof(DefaultError));
    public override IdentityError UserLockoutNotEnabled() => FromCode(nameof(DefaultError));
}

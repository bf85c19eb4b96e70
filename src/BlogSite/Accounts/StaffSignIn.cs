using BlogSite.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BlogSite.Accounts;

/// <summary>
/// Signs a staff member in, answering every refusal alike: an unknown address, a wrong password, a locked
/// account and a disabled one take the same work and get the same "no", so the sign-in form can't be used
/// to list staff addresses or to learn which of them an attacker has locked.
/// </summary>
public sealed class StaffSignIn(UserManager<BlogUser> users, SignInManager<BlogUser> signIn, IPasswordHasher<BlogUser> hasher, StaffSignIn.UnknownUserHash unknown)
{
    /// <summary>True when the user is now signed in.</summary>
    public async Task<bool> SignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The same key derivation as a real account's check, so the time taken doesn't say the address is unknown.
            hasher.VerifyHashedPassword(unknown.User, unknown.Hash, password);
            return false;
        }

        // The password is checked before the lockout, also for a locked or disabled account, for the same reason.
        var matches = await users.CheckPasswordAsync(user, password);
        var lockedOut = await users.IsLockedOutAsync(user);
        if (!matches)
        {
            if (!lockedOut)
            {
                await users.AccessFailedAsync(user);
            }

            return false;
        }

        if (lockedOut || user.IsDisabled || !await signIn.CanSignInAsync(user))
        {
            return false;
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, remember);
        return true;
    }

    /// <summary>A hash of a random password, made once with the app's hasher settings, to check unknown addresses against.</summary>
    public sealed class UnknownUserHash(IOptions<PasswordHasherOptions> options)
    {
        public BlogUser User { get; } = new();

        public string Hash { get; } = new PasswordHasher<BlogUser>(options).HashPassword(new BlogUser(), Guid.NewGuid().ToString("N"));
    }
}

//! Types of the validator set.

use crate::Config;
use frame_support::BoundedVec;

/// The validator set as stored: at most [`Config::MaxValidators`] accounts, each once, in the
/// order they were added (a swapped-in validator takes the place of the one it replaces).
pub type ValidatorsOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

/// Gives an account session keys, for this pallet's benchmarks: a validator must have set its
/// session keys before it is added ([`Config::ValidatorRegistration`]), and only the runtime
/// knows its session-key type.
///
/// A runtime whose `ValidatorRegistration` is pallet-session writes some keys for the account
/// into `pallet_session::NextKeys`; any keys do, they are never used to author or finalize.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Make `who` registered with [`Config::ValidatorRegistration`]. `who` may not exist yet;
	/// the helper need not create it.
	fn set_session_keys(who: &AccountId);
}

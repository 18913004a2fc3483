//! Types of the validator set.

use crate::Config;
use core::marker::PhantomData;
use frame_support::{traits::Get, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_session::{PeriodicSessions, ShouldEndSession};

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

	/// Does what a block does after a session rotation, once the rotation's own hook is over:
	/// in the runtime, GRANDPA's `on_finalize` enacts the authority change the rotation
	/// scheduled. The rotation benchmark rotates twice in one block; without this the second
	/// would find a change already pending and take a cheaper path than on a live chain.
	fn finish_rotation() {}
}

/// Ends sessions for this pallet, which rotates them in its `on_initialize` and weighs the
/// rotation at what it costs (see "Session rotation" in the crate docs).
pub trait SessionRotation<BlockNumber> {
	/// Whether the session ends at block `now`: this block then rotates it.
	fn should_rotate(now: BlockNumber) -> bool;
	/// Ends the current session and starts the next one.
	fn rotate();
}

/// pallet-session's rotation, every `Period` blocks from block `Offset`: its `PeriodicSessions`
/// says when, its `rotate_session` rotates.
///
/// pallet-session's own `ShouldEndSession` must then be [`NeverEndSession`], or sessions would
/// rotate twice.
pub struct PeriodicRotation<T, Period, Offset>(PhantomData<(T, Period, Offset)>);

impl<T, Period, Offset> SessionRotation<BlockNumberFor<T>> for PeriodicRotation<T, Period, Offset>
where
	T: pallet_session::Config,
	Period: Get<BlockNumberFor<T>>,
	Offset: Get<BlockNumberFor<T>>,
{
	fn should_rotate(now: BlockNumberFor<T>) -> bool {
		PeriodicSessions::<Period, Offset>::should_end_session(now)
	}

	fn rotate() {
		pallet_session::Pallet::<T>::rotate_session();
	}
}

/// pallet-session's `ShouldEndSession` when this pallet rotates sessions: never, so that
/// pallet-session's own hook, which weighs a rotation at the whole block's maximum weight,
/// never rotates.
pub struct NeverEndSession;

impl<BlockNumber> ShouldEndSession<BlockNumber> for NeverEndSession {
	fn should_end_session(_now: BlockNumber) -> bool {
		false
	}
}

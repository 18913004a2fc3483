//! One transaction of every shape the chain's blocks hold, for the tests of the paths that
//! execute transactions outside `Executive` (the batch block builder, the pool's batch
//! validation): each must give every shape `Executive`'s result.

use super::{dev_chain, signed_with_nonce};
use pallet_permissions::codes;
use seoul_runtime::{Runtime, RuntimeCall};
use sp_keyring::Sr25519Keyring::{Dave, Ferdie};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	ApplyExtrinsicResult,
};

fn remark(text: &[u8]) -> RuntimeCall {
	frame_system::Call::remark_with_event { remark: text.to_vec() }.into()
}

fn invalid(e: InvalidTransaction) -> ApplyExtrinsicResult {
	Err(TransactionValidityError::Invalid(e))
}

/// `call` nested `depth` times in `utility.asDerivative`.
pub fn derivative_of(call: RuntimeCall, depth: usize) -> RuntimeCall {
	(0..depth).fold(call, |call, _| {
		pallet_utility::Call::as_derivative { index: 0, call: Box::new(call) }.into()
	})
}

/// The development genesis with the citizens' quota at two transactions a window, so that a
/// citizen's third is rate limited.
pub fn dev_chain_with_small_quota() -> sp_io::TestExternalities {
	let mut chain = dev_chain();
	chain.execute_with(|| {
		pallet_permissions::Quotas::<Runtime>::mutate(
			pallet_permissions::AccountKind::Citizen,
			|quota| quota.as_mut().expect("citizens have a quota").transactions = 2,
		);
	});
	chain.commit_all().unwrap();
	chain
}

/// One extrinsic of every shape the chain's blocks hold, in the order they stand in the block,
/// with the result `Executive::apply_extrinsic` gives each there, written out by hand.
pub fn every_shape() -> Vec<(&'static str, seoul_runtime::UncheckedExtrinsic, ApplyExtrinsicResult)>
{
	use sp_keyring::Sr25519Keyring::{Alice, Bob, DaveStash, EveStash};
	use sp_runtime::{DispatchError, MultiAddress};
	let failing_transfer = || -> RuntimeCall {
		pallet_balances::Call::transfer_keep_alive {
			dest: MultiAddress::Id(Bob.to_account_id()),
			value: u128::MAX / 2,
		}
		.into()
	};
	let batch = |calls| -> RuntimeCall { pallet_utility::Call::batch_all { calls }.into() };
	let add_proxy: RuntimeCall = pallet_proxy::Call::add_proxy {
		delegate: MultiAddress::Id(Alice.to_account_id()),
		proxy_type: seoul_runtime::configs::ProxyType::Any,
		delay: 0,
	}
	.into();
	let by_proxy: RuntimeCall = pallet_proxy::Call::proxy {
		real: MultiAddress::Id(Dave.to_account_id()),
		force_proxy_type: None,
		call: Box::new(remark(b"for Dave")),
	}
	.into();
	let by_multisig: RuntimeCall = pallet_multisig::Call::as_multi_threshold_1 {
		other_signatories: vec![Bob.to_account_id()],
		call: Box::new(remark(b"for the multisig")),
	}
	.into();
	// `batch` stops at its first failing call and refunds the weight of the calls after it.
	let interrupted: RuntimeCall = pallet_utility::Call::batch {
		calls: vec![remark(b"before"), failing_transfer(), remark(b"never")],
	}
	.into();
	let insufficient = Err(DispatchError::Arithmetic(sp_runtime::ArithmeticError::Underflow));
	let xt = signed_with_nonce;
	vec![
		("a remark", xt(&Dave.pair(), remark(b"plain"), 0), Ok(Ok(()))),
		("a batch", xt(&Dave.pair(), batch(vec![remark(b"1"), remark(b"2")]), 1), Ok(Ok(()))),
		("a failing dispatch", xt(&Dave.pair(), failing_transfer(), 2), Ok(insufficient)),
		("a weight-refunding batch", xt(&Dave.pair(), interrupted, 3), Ok(Ok(()))),
		("a proxy added", xt(&Dave.pair(), add_proxy, 4), Ok(Ok(()))),
		("a proxy's call", xt(&Alice.pair(), by_proxy, 0), Ok(Ok(()))),
		(
			"a multisig not admitted",
			xt(&Alice.pair(), by_multisig, 1),
			invalid(InvalidTransaction::Custom(codes::UNKNOWN_ACCOUNT)),
		),
		("a citizen's first", xt(&DaveStash.pair(), remark(b"c1"), 0), Ok(Ok(()))),
		("a citizen's second", xt(&DaveStash.pair(), remark(b"c2"), 1), Ok(Ok(()))),
		(
			"a citizen's third, rate limited",
			xt(&DaveStash.pair(), remark(b"c3"), 2),
			invalid(InvalidTransaction::Custom(codes::RATE_LIMITED)),
		),
		(
			"a stale nonce",
			xt(&Dave.pair(), remark(b"again"), 0),
			invalid(InvalidTransaction::Stale),
		),
		(
			"a stranger",
			xt(&Ferdie.pair(), remark(b"stranger"), 0),
			invalid(InvalidTransaction::Custom(codes::UNKNOWN_ACCOUNT)),
		),
		(
			"a call nested too deep",
			xt(&Dave.pair(), derivative_of(remark(b"deep"), 254), 5),
			invalid(InvalidTransaction::Custom(codes::TOO_DEEP)),
		),
		(
			"a citizen's transfer",
			xt(&EveStash.pair(), failing_transfer(), 0),
			invalid(InvalidTransaction::Custom(codes::CALL_NOT_ALLOWED)),
		),
		("a remark after them all", xt(&Dave.pair(), remark(b"last"), 5), Ok(Ok(()))),
	]
}

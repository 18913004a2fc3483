//! Session rotation in the whole runtime: the validator-set pallet rotates sessions, weighed at
//! what a rotation costs, so a session's last block still takes transactions.

mod common;

use common::dev_chain;
use frame_support::traits::OnInitialize;
use seoul_runtime::{AllPalletsWithSystem, BlockNumber, Runtime, System, SESSION_PERIOD};

#[test]
fn a_session_rotation_leaves_the_block_to_transactions() {
	dev_chain().execute_with(|| {
		let index = pallet_session::CurrentIndex::<Runtime>::get();
		let limits: frame_system::limits::BlockWeights =
			<Runtime as frame_system::Config>::BlockWeights::get();

		System::set_block_number(SESSION_PERIOD - 1);
		let quiet =
			<AllPalletsWithSystem as OnInitialize<BlockNumber>>::on_initialize(SESSION_PERIOD - 1);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), index);

		System::set_block_number(SESSION_PERIOD);
		let weight =
			<AllPalletsWithSystem as OnInitialize<BlockNumber>>::on_initialize(SESSION_PERIOD);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), index + 1);
		// pallet-session's own hook would claim `max_block`; the rotation takes under 1 %.
		assert!(weight.ref_time() > quiet.ref_time());
		assert!(weight.ref_time() < limits.max_block.ref_time() / 100);
	});
}

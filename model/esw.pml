/*
 * esw.pml - the locking protocol of the E-Switch work queue as upstream
 * has it (mainline v7.2, here from 7.3.4) and as our 6.12 and 6.1 tracks
 * now carry it, with our two pending net fixes on top (tracks/upstream/net:
 * SR-IOV enable loads the queued representors before the VFs'; SR-IOV
 * disable no longer invalidates queued work).
 *
 * eswitch.c: mlx5_eswitch_invalidate_wq(), mlx5_eswitch_enable(),
 * mlx5_eswitch_disable_sriov(), mlx5_eswitch_disable_locked(),
 * mlx5_eswitch_disable(), mlx5_eswitch_cleanup();
 * eswitch_offloads.c: esw_wq_handler(), mlx5_esw_add_work(),
 * mlx5_esw_reps_block()/unblock() (the mutex esw->offloads.reps_lock),
 * esw_mode_change(), mlx5_devlink_eswitch_mode_set(),
 * mlx5_eswitch_register_vport_reps() and mlx5_eswitch_reload_reps();
 * lag/lag.c: mlx5_lag_drop_lock_for_reps()/retake, the order
 * reps_lock -> ldev->lock. What is modelled and what is not: README.md.
 *
 * Variants, chosen with -D; scripts/model.sh runs them all:
 *   (none)                 upstream with the net fixes: must verify
 *   WORKERS=2              the same, two workers taking items from the
 *                          queue concurrently (the real queue is ordered)
 * and broken variants, each of which the model must catch:
 *   LOCK_FIRST             the worker takes devl_lock() (blocking) before
 *                          the generation check, as before upstream's
 *                          deadlock fix: deadlocks with teardown
 *   NO_CLEANUP_INVALIDATE  mlx5_eswitch_cleanup() destroys the queue
 *                          without invalidating it first: deadlocks
 *   REPS_HELD_RESCAN       esw_mode_change() keeps reps_lock across
 *                          mlx5_rescan_drivers_locked(): the registration
 *                          of mlx5e's representors in the rescan deadlocks
 *                          on it (self-deadlock)
 *   LAG_KEEPS_LDEV         the LAG reload of the IB representors keeps
 *                          ldev->lock while it takes reps_lock: the lock
 *                          order inverts (assertion)
 *   NO_NET_FIX1            mlx5_eswitch_enable() without net fix 1: it
 *                          invalidates the queued load of the uplink's IB
 *                          representor and loads the VFs' first, which
 *                          need it: -EINVAL (assertion)
 *   NO_NET_FIX2            mlx5_eswitch_disable_sriov() still invalidates
 *                          the queue (without net fix 2): a representor
 *                          load queued before it is lost (assertion)
 * and, for a one-off cross-check only (README.md):
 *   RETRY_ANY_TIME         the timed wait retries at any time, literally;
 *                          only the assertions then mean anything (a
 *                          worker that never gets the lock loops, which
 *                          is no end state)
 */

#ifndef WORKERS
#define WORKERS		1
#endif
#if WORKERS != 1 && WORKERS != 2
#error WORKERS must be 1 or 2
#endif

/* Tasks; NONE: no owner. */
#define NONE		0
#define WORKER		1	/* the worker of esw->work_queue (the first of two) */
#if WORKERS == 1
#define PROBE		2	/* modprobe mlx5_ib: mlx5r_rep_probe() */
#else
#define WORKER2		2	/* the second worker */
#define PROBE		3
#endif
#define MODESET		(PROBE + 1)	/* mlx5_devlink_eswitch_mode_set() */
#define SRIOV		(PROBE + 2)	/* echo N, then echo 0 > sriov_numvfs */
#define LAG		(PROBE + 3)	/* mlx5_do_bond_work(): shared FDB */
#define TEARDOWN	(PROBE + 4)	/* mlx5_uninit_one() */
#define NOTIFIER	(PROBE + 5)	/* the functions-changed EQ notifier */
#define NTASK		(PROBE + 6)

/* Work items: mlx5e's registration (in a mode set's rescan), mlx5_ib's
 * (modprobe) and the functions-changed notifier's; each queues at most
 * one.
 */
#define NWORK		3
#define FUNCS		0	/* esw_changed_event_handler() */
#define LOAD		1	/* mlx5_eswitch_reload_reps() */

#define LEGACY		0
#define OFFLOADS	1

/* The uplink's representor types and their states (rep_data->state) */
#define ETH		0	/* REP_ETH: mlx5e */
#define IB		1	/* REP_IB: mlx5_ib */
#define UNREG		0	/* REP_UNREGISTERED */
#define REG		1	/* REP_REGISTERED */
#define LOADED		2	/* REP_LOADED */

/* The locks, in their order: devlink->lock, then esw->offloads.reps_lock,
 * then ldev->lock. held[task] has a bit per lock held (lockdep's view).
 */
#define L_DEVL		1
#define L_REPS		2
#define L_LDEV		4
byte owner;			/* devlink->lock */
byte reps_owner;		/* esw->offloads.reps_lock */
byte ldev_owner;		/* ldev->lock */
byte held[NTASK];

/* E-Switch */
byte gen;			/* esw->generation */
byte mode;			/* esw->mode */
bool fdb;			/* MLX5_ESW_FDB_CREATED */
bool sriov;			/* esw->esw_funcs.num_vfs != 0 */
byte rep[2];			/* the uplink's representors, by type */
chan wq = [NWORK] of { byte };	/* esw->work_queue (ordered), item ids */

/* The functions-changed EQ notifier (atomic notifier chain: RCU) */
bool nb_registered;
bool nb_inflight;		/* a call of the notifier is running */

/* The rdma-rep auxiliary device (switchdev mode) and mlx5_ib's probe */
bool ib_dev;
bool probing;

/* LAG */
byte mode_changes;		/* ldev->mode_changes_in_progress */
bool lag_removed;		/* mlx5_lag_remove_mdev() done */

/* Ghost state, for the properties only */
byte stamp[NWORK];		/* host_work->work_gen */
byte kind[NWORK];
byte nepoch[NWORK];		/* notifier epoch when the item was queued */
byte nqueued;			/* items queued so far */
byte ran[NWORK];		/* times the item's callback ran */
bool handled[NWORK];		/* a worker is done with the item */
byte busy;			/* workers in esw_wq_handler() */
byte nb_epoch;			/* bumped when the notifier is unregistered */
bool torn_down;			/* esw->work_queue destroyed */
bool no_teardown;		/* this run has no teardown, chosen at the start */
byte ndone;			/* probe, modeset, sriov, lag, notifier done */

/* Names for the trail: spin -t prints the printf()s of a counterexample. */
inline say(me)
{
	if
#if WORKERS == 1
	:: me == WORKER -> printf("worker")
#else
	:: me == WORKER -> printf("worker1")
	:: me == WORKER2 -> printf("worker2")
#endif
	:: me == PROBE -> printf("probe")
	:: me == MODESET -> printf("modeset")
	:: me == SRIOV -> printf("sriov")
	:: me == LAG -> printf("lag")
	:: me == TEARDOWN -> printf("teardown")
	:: else -> printf("notifier")
	fi
}

/* ---- locks ----
 *
 * Used inside the atomic step of the caller (see "Steps" in README.md).
 * take(): lockdep's check first (no lock after this one in the order is
 * held), then wait until free; a task that waits for a lock it holds
 * waits for ever (an invalid end state).
 */
inline take(me, o, b)
{
	assert((held[me] & ~(b + b - 1)) == 0);	/* the lock order */
	o == NONE -> o = me; held[me] = held[me] | b	/* waits for the lock */
}

inline drop(me, o, b)
{
	assert(o == me); o = NONE; held[me] = held[me] & ~b
}

inline devl_lock(me)
{
	take(me, owner, L_DEVL);
	say(me); printf(": holds the devlink lock\n")
}

/* mlx5_lag_disable_change() / mlx5_lag_enable_change(), no LAG active:
 * the counter under ldev->lock.
 */
inline lag_disable_change(me)
{
	take(me, ldev_owner, L_LDEV); mode_changes++; drop(me, ldev_owner, L_LDEV)
}

inline lag_enable_change(me)
{
	take(me, ldev_owner, L_LDEV); mode_changes--; drop(me, ldev_owner, L_LDEV)
}

/* mlx5_eswitch_invalidate_wq(): atomic_inc() of the generation, then
 * wake_up_all() of esw->work_queue_wait: the waiter's condition is the
 * generation (see the worker). Every caller holds the devlink lock.
 */
inline invalidate(me)
{
	assert(owner == me);
	gen++;
	say(me); printf(": invalidate, generation %d\n", gen)
}

/* ---- representors, under reps_lock ---- */

/* __esw_offloads_load_rep(): REGISTERED -> LOADED. mlx5e's uplink load
 * (mlx5e_uplink_rep_enable()) calls mlx5_lag_add_netdev(): ldev->lock.
 */
inline load_uplink(me)
{
	assert(reps_owner == me);
	if
	:: mode == OFFLOADS ->
		if
		:: rep[ETH] == REG ->
			take(me, ldev_owner, L_LDEV);
			rep[ETH] = LOADED;
			drop(me, ldev_owner, L_LDEV)
		:: else
		fi;
		if
		:: rep[IB] == REG -> rep[IB] = LOADED
		:: else
		fi
	:: else
	fi
}

/* LOADED -> REGISTERED; mlx5e's uplink unload calls
 * mlx5_lag_remove_netdev(): ldev->lock.
 */
inline unload_rep(me, t)
{
	assert(reps_owner == me);
	if
	:: rep[t] == LOADED && t == ETH ->
		take(me, ldev_owner, L_LDEV);
		rep[t] = REG;
		drop(me, ldev_owner, L_LDEV)
	:: rep[t] == LOADED && t != ETH -> rep[t] = REG
	:: else
	fi
}

/* mlx5_eswitch_register_vport_reps(): under reps_lock, mark the type
 * registered, unblock (one step); then mlx5_esw_add_work() of
 * mlx5_eswitch_reload_reps(): the stamp (atomic_read() of the
 * generation), then queue_work(): a step each.
 */
inline register_reps(me, t)
{
	take(me, reps_owner, L_REPS);
	rep[t] = REG;
	say(me); printf(": registers representor type %d\n", t);
	drop(me, reps_owner, L_REPS)
}

/* mlx5_esw_add_work(), the first step: the allocation, the stamp */
inline stamp_work(k)
{
	i = nqueued; nqueued++;
	kind[i] = k; nepoch[i] = nb_epoch;
	stamp[i] = gen
}

/* the second: queue_work() */
inline queue_work(me)
{
	assert(!torn_down);
	wq!i;
	say(me); printf(": queues item %d, generation %d\n", i, stamp[i])
}

/* mlx5_eswitch_unregister_vport_reps(): one step */
inline unregister_reps(me, t)
{
	atomic {
		take(me, reps_owner, L_REPS);
		unload_rep(me, t);
		rep[t] = UNREG;
		say(me); printf(": unregisters representor type %d\n", t);
		drop(me, reps_owner, L_REPS)
	}
}

/* The rescan that removes the rdma-rep device (MLX5_PRIV_FLAGS_DISABLE_IB_ADEV,
 * or mlx5_unregister_device()): device_del() waits for a probe in progress
 * (device_lock()); mlx5r_rep_remove() unregisters REP_IB if it was bound.
 */
inline remove_ib_dev(me)
{
	atomic { !probing -> ib_dev = false };
	if
	:: rep[IB] != UNREG -> unregister_reps(me, IB)
	:: else
	fi
}

/* mlx5_eswitch_disable_locked(), with devlink lock and reps_lock held:
 * mlx5_eswitch_event_handler_unregister() (atomic_notifier_chain_unregister():
 * off the chain, then synchronize_rcu() waits for a call in progress),
 * mlx5_eswitch_invalidate_wq(), then esw_offloads_disable() or
 * esw_legacy_disable(). Two steps: the caller's (nb_registered = false,
 * in the step that takes reps_lock), and this one.
 */
inline disable_locked(me)
{
	!nb_inflight -> nb_epoch++;
	invalidate(me);
	if
	:: fdb && mode == OFFLOADS -> unload_rep(me, IB); unload_rep(me, ETH)
	:: else
	fi;
	fdb = false
}

/* ---- the tasks ---- */

/* A worker of esw->work_queue: esw_wq_handler() per item. Idle, it waits
 * on the queue: a valid end state.
 */
proctype worker(byte me)
{
	byte i;
	bool locked;

end:
	do
	:: atomic {
		wq?i -> busy++;
		say(me); printf(": takes item %d (generation %d, now %d)\n",
		       i, stamp[i], gen)
	   };
#ifdef LOCK_FIRST
		/* before the deadlock fix: devl_lock(), then the check */
		atomic {
			say(me); printf(": devl_lock()\n");
			devl_lock(me);
			locked = true
		};
#else
		/* for (;;) { stale? goto free; devl_trylock()? break;
		 * wait_event_timeout(work_queue_wait, stale, 60 ms); }
		 */
		do
		:: stamp[i] != gen -> break
		:: else ->
			if
			:: atomic { owner == NONE ->
				owner = me; held[me] = held[me] | L_DEVL; locked = true }
			:: atomic { owner != NONE ->
				say(me); printf(": lock busy, waits (60 ms)\n") }
			fi;
			if
			:: locked -> break
			:: else ->
				/* Woken by the invalidation, or the timeout: a
				 * retry at any time. One that finds the lock
				 * held and the generation unchanged would sleep
				 * again with nothing changed: the model retries
				 * when a retry can see something new (README.md).
				 */
#ifdef RETRY_ANY_TIME
				skip	/* literally: a livelock is then no end state */
#else
				(stamp[i] != gen || owner == NONE)	/* waits */
#endif
			fi
		od;
#endif
		if
		:: locked ->
			atomic {
				if
				:: stamp[i] == gen ->
					/* host_work->func(esw):
					 * mlx5_eswitch_reload_reps() or
					 * esw_changed_event_handler(), both
					 * under reps_lock
					 */
					say(me); printf(": runs item %d\n", i);
					assert(owner == me);	/* under this worker's devlink lock */
					assert(!torn_down);
					/* a notifier's work runs while the
					 * registration that queued it is live
					 */
					assert(kind[i] != FUNCS ||
					       (nb_registered && nepoch[i] == nb_epoch));
					ran[i]++;
					assert(ran[i] == 1);	/* at most once */
					take(me, reps_owner, L_REPS);
					assert(stamp[i] == gen);	/* still current */
					if
					:: kind[i] == LOAD -> load_uplink(me)
					:: else
					fi;
					assert(stamp[i] == gen && owner == me);
					drop(me, reps_owner, L_REPS)
				:: else ->
					say(me); printf(": item %d stale under the lock\n", i);
					assert(ran[i] == 0)
				fi;
				drop(me, owner, L_DEVL);
				handled[i] = true; busy--; i = 0; locked = false
			}
		:: else ->
			atomic {
				say(me); printf(": item %d stale, lock not taken\n", i);
				assert(stamp[i] != gen);	/* dropped only when stale */
				assert(ran[i] == 0);
				handled[i] = true; busy--; i = 0
			}
		fi
	od
}

/* The EQ notifier mlx5_esw_funcs_changed_handler(): atomic context, no
 * devlink lock. Fires at most once, while registered.
 */
proctype notifier()
{
	byte i;

	if
	:: atomic { nb_registered -> nb_inflight = true; stamp_work(FUNCS) };
		atomic { queue_work(NOTIFIER); nb_inflight = false; ndone++ }
	:: ndone++
	fi
}

/* modprobe mlx5_ib: mlx5r_rep_probe() binds the rdma-rep device (if it
 * exists) and calls mlx5_eswitch_register_vport_reps(REP_IB), without
 * the devlink lock.
 */
proctype probe()
{
	byte i;

	if
	:: atomic { ib_dev -> probing = true; register_reps(PROBE, IB) };
		atomic { stamp_work(LOAD) };
		atomic { queue_work(PROBE); probing = false; ndone++ }
	:: ndone++
	fi
}

/* devlink eswitch mode set, to the other mode; the devlink core holds the
 * devlink lock around mlx5_devlink_eswitch_mode_set().
 */
proctype modeset()
{
	byte i;

	atomic {
		devl_lock(MODESET);
		if
		:: torn_down ->		/* devlink unregistered: no op */
			drop(MODESET, owner, L_DEVL);
			ndone++;
			goto out
		:: else
		fi;
		lag_disable_change(MODESET)
	};
	atomic { take(MODESET, reps_owner, L_REPS); nb_registered = false };
	atomic {
		disable_locked(MODESET);
#ifndef REPS_HELD_RESCAN
		/* esw_mode_change(): reps_lock dropped around the rescans */
		drop(MODESET, reps_owner, L_REPS)
#endif
	};
	if
	:: mode == LEGACY ->
		/* esw_offloads_start() -> esw_mode_change(OFFLOADS): the
		 * rescan adds the representor devices; mlx5e_rep_probe()
		 * registers REP_ETH at once, mlx5_ib binds the rdma-rep one
		 * if loaded (the probe task)
		 */
		atomic {
			mode = OFFLOADS; ib_dev = true;
			printf("modeset: esw_mode_change(): rescan (representors to add)\n")
		};
		atomic { register_reps(MODESET, ETH) };
		atomic { stamp_work(LOAD) };
		atomic { queue_work(MODESET) };
		/* mlx5_eswitch_enable_locked(): esw_offloads_enable() loads
		 * the uplink's registered types, then
		 * mlx5_eswitch_event_handler_register()
		 */
		atomic {
#ifndef REPS_HELD_RESCAN
			take(MODESET, reps_owner, L_REPS);
#endif
			load_uplink(MODESET);
			fdb = true;
			nb_registered = true;
			drop(MODESET, reps_owner, L_REPS)
		}
	:: else ->
		/* esw_offloads_stop() -> esw_mode_change(LEGACY): the rescan
		 * removes the rdma-rep device, then the eth-rep one
		 * (mlx5e_rep_remove())
		 */
		printf("modeset: esw_mode_change(): rescan (representors to remove)\n");
		remove_ib_dev(MODESET);
		mode = LEGACY;
		unregister_reps(MODESET, ETH);
		atomic {
#ifndef REPS_HELD_RESCAN
			take(MODESET, reps_owner, L_REPS);
#endif
			/* the legacy FDB only with SR-IOV */
			fdb = sriov;
			drop(MODESET, reps_owner, L_REPS)
		}
	fi;
	atomic {
		lag_enable_change(MODESET);
		drop(MODESET, owner, L_DEVL);
		ndone++
	};
out:
	skip
}

/* echo N > sriov_numvfs, then echo 0: each under the devlink lock
 * (mlx5_sriov_enable(), mlx5_sriov_disable()).
 */
proctype sr_iov()
{
	bool toggle;

	/* mlx5_eswitch_enable() */
	atomic {
		devl_lock(SRIOV);
		if
		:: torn_down ->
			drop(SRIOV, owner, L_DEVL);
			ndone++;
			goto out
		:: else
		fi;
		toggle = !fdb;
		if
		:: toggle -> lag_disable_change(SRIOV)
		:: else
		fi
	};
	atomic { invalidate(SRIOV) };
	atomic {
		take(SRIOV, reps_owner, L_REPS);
		if
		:: !fdb ->	/* mlx5_eswitch_enable_locked(), in legacy mode */
			fdb = true
		:: else ->
#ifndef NO_NET_FIX1
			/* net fix 1: mlx5_eswitch_reload_reps_blocked() */
			load_uplink(SRIOV);
#endif
			/* mlx5_eswitch_load_vf_vports(): a VF's IB representor
			 * needs the uplink's (mlx5_ib_vport_rep_load(): -EINVAL)
			 */
			assert(mode != OFFLOADS || rep[IB] != REG)
		fi;
		sriov = true;
		drop(SRIOV, reps_owner, L_REPS)
	};
	atomic {
		if
		:: toggle -> lag_enable_change(SRIOV)
		:: else
		fi;
		drop(SRIOV, owner, L_DEVL)
	};

	/* mlx5_eswitch_disable_sriov() */
	atomic {
		devl_lock(SRIOV);
		if
		:: torn_down || !sriov ->
			drop(SRIOV, owner, L_DEVL);
			ndone++;
			goto out
		:: else
		fi;
#ifdef NO_NET_FIX2
		invalidate(SRIOV)
	};
	atomic {
#endif
		/* the VFs' vports unloaded under reps_lock */
		take(SRIOV, reps_owner, L_REPS);
		drop(SRIOV, reps_owner, L_REPS)
	};
	atomic {
		/* in legacy mode, mlx5_eswitch_disable_locked() (without
		 * reps_lock): no notifier is registered in legacy mode
		 */
		if
		:: mode == LEGACY -> invalidate(SRIOV); fdb = false
		:: else
		fi;
		sriov = false;
		drop(SRIOV, owner, L_DEVL);
		ndone++
	};
out:
	skip
}

/* mlx5_do_bond_work() activating a shared-FDB LAG: under ldev->lock,
 * mlx5_lag_reload_ib_reps_from_locked() -> mlx5_eswitch_reload_ib_reps()
 * under reps_lock; no devlink lock. It skips its turn while a mode change
 * is in progress or once the device left the LAG (requeued: not modelled).
 */
proctype lag()
{
	if
	:: atomic {
		take(LAG, ldev_owner, L_LDEV);
		if
		:: mode_changes > 0 || lag_removed ->
			drop(LAG, ldev_owner, L_LDEV);
			ndone++;
			goto out
		:: else
		fi;
#ifndef LAG_KEEPS_LDEV
		/* mlx5_lag_drop_lock_for_reps() */
		mode_changes++;
		drop(LAG, ldev_owner, L_LDEV);
		printf("lag: ldev->lock dropped for the IB representors' reload\n")
#else
		printf("lag: ldev->lock kept for the IB representors' reload\n")
#endif
	   };
		atomic {
			take(LAG, reps_owner, L_REPS);
			/* with the uplink's REP_ETH loaded */
			if
			:: mode == OFFLOADS && rep[ETH] == LOADED && rep[IB] == REG ->
				rep[IB] = LOADED
			:: else
			fi;
			drop(LAG, reps_owner, L_REPS)
		};
		atomic {
#ifndef LAG_KEEPS_LDEV
			/* mlx5_lag_retake_lock_after_reps() */
			take(LAG, ldev_owner, L_LDEV);
			mode_changes--;
#endif
			drop(LAG, ldev_owner, L_LDEV);
			ndone++
		}
	:: ndone++
	fi;
out:
	skip
}

/* mlx5_uninit_one(), under the devlink lock; or, chosen at the start, no
 * teardown at all: then the task waits until all is quiet and checks the
 * outcome.
 */
proctype teardown()
{
	byte k;

	if
	:: no_teardown ->
		/* Once all is quiet: every item was handled, each one not
		 * made stale ran its callback, and no representor type
		 * registered in switchdev mode was left unloaded (no load
		 * lost). A task that waits for ever keeps this from being
		 * true: an invalid end state.
		 */
		atomic {
			ndone == 5 && len(wq) == 0 && busy == 0 ->
			for (k : 0 .. NWORK - 1) {
				assert(k >= nqueued || (handled[k] &&
					(ran[k] == 1 || stamp[k] != gen)))
			}
			k = 0;
			assert(mode != OFFLOADS || (rep[ETH] != REG && rep[IB] != REG))
		}
	:: else ->
		/* mlx5_eswitch_disable() */
		atomic {
			devl_lock(TEARDOWN);
			lag_disable_change(TEARDOWN)
		};
		atomic { take(TEARDOWN, reps_owner, L_REPS); nb_registered = false };
		atomic {
			disable_locked(TEARDOWN);
			drop(TEARDOWN, reps_owner, L_REPS)
		};
		mode = LEGACY;
		atomic { lag_enable_change(TEARDOWN) };
		/* mlx5_unregister_device(): the representor devices go */
		remove_ib_dev(TEARDOWN);
		if
		:: rep[ETH] != UNREG -> unregister_reps(TEARDOWN, ETH)
		:: else
		fi;
		/* mlx5_unload() -> mlx5_lag_remove_mdev(): under ldev->lock,
		 * retried while a LAG mode change is in progress
		 */
		atomic {
			assert((held[TEARDOWN] & ~(L_LDEV + L_LDEV - 1)) == 0);
			ldev_owner == NONE && mode_changes == 0 -> lag_removed = true
		};
		/* mlx5_eswitch_cleanup() */
#ifndef NO_CLEANUP_INVALIDATE
		atomic { invalidate(TEARDOWN) };
#endif
		printf("teardown: destroy_workqueue() drains, devlink lock held\n");
		/* the queue empty and the worker idle */
		atomic { len(wq) == 0 && busy == 0 ->	/* waits for the queue */
			torn_down = true;
			for (k : 0 .. NWORK - 1) {
				assert(k >= nqueued || handled[k])
			}
			k = 0;
			printf("teardown: drained\n");
			drop(TEARDOWN, owner, L_DEVL)
		}
	fi
}

init
{
	atomic {
		if
		:: mode = LEGACY
		:: mode = OFFLOADS; fdb = true; nb_registered = true;
			ib_dev = true; rep[ETH] = LOADED
		fi;
		if
		:: no_teardown = true
		:: no_teardown = false
		fi;
		run worker(WORKER);
#if WORKERS == 2
		run worker(WORKER2);
#endif
		run notifier();
		run probe();
		run modeset();
		run sr_iov();
		run lag();
		run teardown()
	}
}

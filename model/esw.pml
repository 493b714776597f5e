/*
 * esw.pml - the E-Switch work queue and representor guard protocol of the
 * series: devl_lock_wait_event() (net/devlink/core.c, include/net/devlink.h),
 * esw_wq_handler(), mlx5_esw_add_work(), mlx5_esw_invalidate_work(),
 * mlx5_esw_reps_block()/unblock(), mlx5_esw_rescan_drivers_handoff()
 * (eswitch.c), mlx5_devlink_eswitch_mode_set(),
 * mlx5_eswitch_register_vport_reps() and esw_reps_load_work()
 * (eswitch_offloads.c). What is modelled and what is not: README.md.
 *
 * Variants, chosen with -D; scripts/model.sh runs them all:
 *   (none)                 our code: must verify, no error
 *   OLD_BEHAVIOUR          the 6.12 worker: devl_lock() (blocking), then the
 *                          generation check: must deadlock
 * and mutants of our code, each of which the model must catch:
 *   LOST_WAKEUP_LOCK       the worker in devl_lock_wait_event() tests its
 *                          condition only before it is on the wait queue,
 *                          not after: hangs
 *   LOST_WAKEUP_GUARD      the same in mlx5_esw_reps_block(): hangs
 *   NO_UNLOCK_WAKE         devl_unlock() does not wake the lock waiters:
 *                          hangs
 *   NO_INVALIDATE_WAKE     mlx5_esw_invalidate_work() does not wake them:
 *                          deadlocks
 *   NO_CLEANUP_INVALIDATE  mlx5_eswitch_cleanup() drains the queue without
 *                          bumping the generation first: deadlocks
 *   INVALIDATE_FIRST       mlx5_eswitch_disable_locked() bumps the
 *                          generation before it unregisters the notifier
 *                          (the v1 order the review flagged): a notifier's
 *                          work runs after the notifier is gone
 *   WAKE_ONE               a wake-up of lock_wait (devl_unlock(),
 *                          mlx5_esw_invalidate_work()) wakes one sleeper,
 *                          not all, as with exclusive waits: with two
 *                          workers, deadlocks (with one it changes nothing)
 * and, combined with any of these (scripts/model.sh: alone, with
 * OLD_BEHAVIOUR and with WAKE_ONE):
 *   WORKERS=2              two workers take items from the same queue
 *                          concurrently, as on an unordered work queue
 *                          (default 1: the ordered esw->work_queue); the
 *                          model then has 2 work items, not 3 (NWORK)
 */

#ifndef WORKERS
#define WORKERS		1
#endif
#if WORKERS != 1 && WORKERS != 2
#error WORKERS must be 1 or 2
#endif

/* Tasks. NONE: no owner. WORKER..PROBE may sleep on the guard; the
 * workers are WORKER .. WORKER + WORKERS - 1.
 */
#define NONE		0
#define WORKER		1	/* the worker of esw->work_queue (the first of two) */
#if WORKERS == 1
#define MODESET		2	/* mlx5_devlink_eswitch_mode_set() */
#define TEARDOWN	3	/* mlx5_uninit_one(): disable, then cleanup */
#define PROBE		4	/* modprobe mlx5_ib: mlx5r_rep_probe() */
#define NTASK		5
#else
#define WORKER2		2	/* the second worker */
#define MODESET		3
#define TEARDOWN	4
#define PROBE		5
#define NTASK		6
#endif
#define NOTIFIER	NTASK	/* the EQ notifier: only printed, never sleeps */

/* Work items: the functions-changed notifier's, mlx5_ib's register (from
 * modprobe) and mlx5e's register (from the rescan of a mode set).
 */
#ifndef NWORK
#if WORKERS == 1
#define NWORK		3	/* all three submitters queue */
#else
#define NWORK		2	/* bound of the two-worker model: any two of them */
#endif
#endif
#define FUNCS		0	/* esw_functions_changed_work() */
#define LOAD		1	/* esw_reps_load_work() */

#define LEGACY		0
#define OFFLOADS	1

/* devlink instance lock and devlink->lock_wait, on which only the
 * workers sleep; indexed by worker (task id - WORKER).
 */
byte owner;			/* holder of devlink->lock, NONE if free */
bool lw_queued[WORKERS];	/* the worker is on lock_wait */
bool lw_woken[WORKERS];		/* ... and was woken: TASK_RUNNING again */
#if WORKERS == 1
#define lw_sleeper	(lw_queued[0])
#else
#define lw_sleeper	(lw_queued[0] || lw_queued[1])
#endif

/* E-Switch */
byte gen;			/* esw->generation */
byte mode;			/* esw->mode */
chan wq = [NWORK] of { byte };	/* esw->work_queue, item ids */

/* The representor guard and the tasks sleeping on it in wait_var_event() */
bool blocked;			/* esw->reps_block_state == BLOCKED */
byte reps_owner;		/* esw->reps_block_owner */
bool gq[NTASK];			/* on the var wait queue */
bool gwoken[NTASK];		/* woken */

/* The functions-changed EQ notifier (an atomic notifier chain: RCU) */
bool nb_registered;
bool nb_inflight;		/* a call of the notifier is running */

/* The auxiliary representor devices, present in switchdev mode */
bool rep_dev;
bool probing;			/* mlx5r_rep_probe() is running */
bool ib_registered;		/* mlx5_ib's representors are registered */

/* Ghost state, for the properties only */
byte stamp[NWORK];		/* host_work->work_gen */
byte kind[NWORK];
byte nepoch[NWORK];		/* notifier epoch when the item was queued */
byte nqueued;			/* items queued so far */
byte ran[NWORK];		/* times the item's callback ran */
bool handled[NWORK];		/* a worker is done with the item */
byte busy;			/* workers in esw_wq_handler() */
byte holders;			/* tasks holding the guard */
byte nb_epoch;			/* bumped when the notifier is unregistered */
bool torn_down;			/* esw->work_queue destroyed */
bool no_teardown;		/* this run has no teardown, chosen at the start */
bool m_done, n_done, p_done;

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
	:: me == MODESET -> printf("modeset")
	:: me == TEARDOWN -> printf("teardown")
	:: me == PROBE -> printf("probe")
	:: else -> printf("notifier")
	fi
}

/* ---- devlink ---- */

inline devl_lock(me)
{
	atomic { owner == NONE -> owner = me }
}

/* wake_up_all(&devlink->lock_wait): under the queue's lock, every sleeper;
 * the autoremove wake function takes each off the queue. WAKE_ONE: one of
 * them, either.
 */
inline wake_lock_waiters()
{
	atomic {
#ifdef WAKE_ONE
		if
		:: lw_queued[0] -> lw_queued[0] = false; lw_woken[0] = true
#if WORKERS == 2
		:: lw_queued[1] -> lw_queued[1] = false; lw_woken[1] = true
#endif
		:: else
		fi
#else
		if
		:: lw_queued[0] -> lw_queued[0] = false; lw_woken[0] = true
		:: else
		fi;
#if WORKERS == 2
		if
		:: lw_queued[1] -> lw_queued[1] = false; lw_woken[1] = true
		:: else
		fi
#endif
#endif
	}
}

/* devl_unlock(): mutex_unlock(), then wq_has_sleeper() (a lockless test
 * after a full barrier: a step of its own), then the wake-up.
 */
inline devl_unlock(me)
{
	atomic { assert(owner == me); owner = NONE };
#ifndef NO_UNLOCK_WAKE
	if
	:: lw_sleeper -> wake_lock_waiters()
	:: else
	fi
#endif
}

/* One test of the condition of devl_lock_wait_event():
 * (stop) || (__devl_locked = devl_trylock(devlink)), stop being
 * esw_work_is_stale(): two reads of shared state, two steps.
 */
inline lock_cond(me, i)
{
	if
	:: stamp[i] != gen -> cond = true
	:: else ->
		atomic {
			if
			:: owner == NONE -> owner = me; locked = true
			:: else
			fi;
			cond = locked
		}
	fi
}

/* ---- the E-Switch work queue ---- */

/* mlx5_esw_invalidate_work(); the caller holds the devlink lock. */
inline invalidate(me)
{
	atomic {
		assert(owner == me);
		gen++;
		say(me); printf(": invalidate, generation %d\n", gen)
	};
#ifndef NO_INVALIDATE_WAKE
	wake_lock_waiters()
#endif
}

/* mlx5_esw_add_work(): the allocation is local, the stamp an atomic_read()
 * of the generation, then queue_work().
 */
inline add_work(me, k)
{
#if NWORK < 3
	/* The bound: once NWORK items were queued, a submitter queues none,
	 * as when mlx5_esw_add_work()'s allocation fails.
	 */
	if
	:: atomic { nqueued < NWORK ->
#else
	atomic {
#endif
		i = nqueued; nqueued++;
		kind[i] = k; nepoch[i] = nb_epoch;
		stamp[i] = gen
	};
	atomic {
		assert(!torn_down);
		wq!i;
		say(me); printf(": queues item %d, generation %d\n", i, stamp[i])
	}
#if NWORK < 3
	:: else -> d_step { say(me); printf(": no item (bound of %d)\n", NWORK) }
	fi
#endif
}

/* ---- the representor guard ---- */

/* esw_reps_try_block(): cmpxchg UNBLOCKED -> BLOCKED */
inline try_block(me)
{
	atomic {
		if
		:: !blocked -> blocked = true; got = true;
			holders++; assert(holders == 1)	/* never two holders */
		:: else -> got = false
		fi
	}
}

/* mlx5_esw_reps_block(): wait_var_event(&state, esw_reps_try_block()),
 * i.e. test; then loop: on the queue, test again, schedule().
 */
inline reps_block(me)
{
	assert(reps_owner != me);	/* "blocked twice by one task" */
	try_block(me);
	if
	:: got
	:: else ->
		do
		:: atomic { gq[me] = true; gwoken[me] = false };	/* prepare_to_wait_event() */
#ifdef LOST_WAKEUP_GUARD
			(gwoken[me]);		/* schedule(), no test after queueing */
			try_block(me);
			if
			:: got -> break
			:: else
			fi
#else
			try_block(me);
			if
			:: got -> break
			:: else -> (gwoken[me])	/* schedule() until woken */
			fi
#endif
		od;
		atomic { gq[me] = false; gwoken[me] = false }	/* finish_wait() */
	fi;
	atomic { reps_owner = me; got = false }
}

#if WORKERS == 1
#define gq_sleeper	(gq[WORKER] || gq[MODESET] || gq[TEARDOWN] || gq[PROBE])
#else
#define gq_sleeper	(gq[WORKER] || gq[WORKER2] || gq[MODESET] || \
			 gq[TEARDOWN] || gq[PROBE])
#endif

/* wake_up_var(): waitqueue_active() after smp_mb(), then wake them all */
inline wake_guard_waiters()
{
	if
	:: gq_sleeper ->
		atomic {
			for (k : WORKER .. PROBE) {
				if
				:: gq[k] -> gq[k] = false; gwoken[k] = true
				:: else
				fi
			}
			k = 0
		}
	:: else
	fi
}

/* mlx5_esw_reps_unblock() */
inline reps_unblock(me)
{
	atomic { assert(blocked && reps_owner == me); reps_owner = NONE };
	atomic { holders--; blocked = false };	/* atomic_set_release() */
	wake_guard_waiters()
}

/* ---- the notifier ---- */

/* mlx5_eq_notifier_unregister(): atomic_notifier_chain_unregister(), whose
 * synchronize_rcu() waits for a call in progress.
 */
inline nb_unregister()
{
	if
	:: nb_registered ->
		nb_registered = false;
		(!nb_inflight);
		nb_epoch++
	:: else
	fi
}

/* mlx5_eswitch_disable_locked(); the caller holds the devlink lock and the
 * guard.
 */
inline disable_locked(me)
{
#ifdef INVALIDATE_FIRST
	invalidate(me);
	nb_unregister();
#else
	nb_unregister();
	invalidate(me);
#endif
}

/* ---- the auxiliary devices ---- */

/* Removing the representor devices (rescan in legacy mode, or
 * mlx5_unregister_device()): device_del() waits for a probe in progress
 * (device_lock()), then the drivers' remove unregister their
 * representors. The caller holds the devlink lock, not the guard.
 */
inline remove_reps(me)
{
	if
	:: rep_dev ->
		atomic { !probing -> rep_dev = false };
		reps_block(me); reps_unblock(me);	/* mlx5e_rep_remove() */
		if
		:: ib_registered ->			/* mlx5r_rep_remove() */
			reps_block(me); ib_registered = false; reps_unblock(me)
		:: else
		fi
	:: else
	fi
}

/* The rescan of a mode set to switchdev adds the representor devices;
 * mlx5e's probe registers at once, under the devlink lock:
 * mlx5_eswitch_register_vport_reps(REP_ETH).
 */
inline add_reps(me)
{
	rep_dev = true;
	reps_block(me);
	add_work(me, LOAD);
	reps_unblock(me)
}

/* ---- the callbacks ---- */

/* host_work->func(): esw_functions_changed_work() or esw_reps_load_work().
 * Both block the representors (the former only if the number of VFs
 * changed: here always, the harder case).
 */
inline callback(me, i)
{
	d_step { say(me); printf(": runs item %d\n", i) };
	assert(owner == me);		/* only under this worker's devlink lock */
	assert(stamp[i] == gen);	/* never stale */
	assert(!torn_down);
	/* a notifier's work runs while the notifier that queued it is still
	 * registered, not after it was unregistered
	 */
	assert(kind[i] != FUNCS || (nb_registered && nepoch[i] == nb_epoch));
	ran[i]++;
	assert(ran[i] == 1);		/* at most once */
	reps_block(me);
	reps_unblock(me)
}

/* ---- the tasks ---- */

/* A worker of esw->work_queue: esw_wq_handler() per item. The queue is
 * ordered, so one worker; with WORKERS=2, two take items concurrently.
 * Idle, it waits on the queue: a valid end state.
 */
proctype worker(byte me)
{
	byte i, k;
	bool locked, cond, got;

end:
	do
	:: atomic {
		wq?i -> busy++;
		say(me); printf(": takes item %d (generation %d, now %d)\n",
		       i, stamp[i], gen)
	   };
#ifdef OLD_BEHAVIOUR
		/* 6.12: devl_lock(), then the generation check */
		d_step { say(me); printf(": devl_lock()\n") };
		devl_lock(me);
		locked = true;
#else
		/* devl_lock_wait_event(devlink, esw_work_is_stale(host_work)):
		 * wait_event() tests the condition, then loops: on the queue
		 * (prepare_to_wait_event()), test again, schedule().
		 */
		lock_cond(me, i);
		if
		:: cond
		:: else ->
			do
			:: atomic {
				lw_queued[me - WORKER] = true; lw_woken[me - WORKER] = false;
				say(me); printf(": lock busy, sleeps on lock_wait\n")
			   };
#ifdef LOST_WAKEUP_LOCK
				(lw_woken[me - WORKER]);
				lock_cond(me, i);
				if
				:: cond -> break
				:: else
				fi
#else
				lock_cond(me, i);
				if
				:: cond -> break
				:: else -> (lw_woken[me - WORKER])
				fi
#endif
			od;
			/* finish_wait() */
			atomic { lw_queued[me - WORKER] = false; lw_woken[me - WORKER] = false }
		fi;
#endif
		if
		:: locked ->
			if
			:: stamp[i] == gen -> callback(me, i)	/* current under the lock: runs */
			:: else -> d_step { say(me); printf(": item %d stale\n", i) }
			fi;
			devl_unlock(me)
		:: else ->
			d_step { say(me); printf(": item %d stale, lock not taken\n", i) };
			assert(stamp[i] != gen)	/* dropped only when stale */
		fi;
		atomic { handled[i] = true; busy--; i = 0; locked = false; cond = false }
	od
}

/* The EQ notifier mlx5_esw_funcs_changed_handler(): atomic context, no
 * devlink lock. Fires at most once, while registered.
 */
proctype notifier()
{
	byte i;

	if
	:: atomic { nb_registered -> nb_inflight = true };
		add_work(NOTIFIER, FUNCS);
		nb_inflight = false
	:: skip
	fi;
	n_done = true
}

/* modprobe mlx5_ib: mlx5r_rep_probe() -> mlx5_eswitch_register_vport_reps()
 * (REP_IB), without the devlink lock.
 */
proctype probe()
{
	byte i, k;
	bool got;

	if
	:: atomic { rep_dev -> probing = true };
		reps_block(PROBE);
		ib_registered = true;
		add_work(PROBE, LOAD);
		reps_unblock(PROBE);
		probing = false
	:: skip
	fi;
	p_done = true
}

/* Invalidator 1: devlink eswitch mode set, to the other mode. */
proctype modeset()
{
	byte i, k;
	bool got;

	devl_lock(MODESET);
	printf("modeset: holds the devlink lock\n");
	if
	:: torn_down		/* devlink unregistered: the op fails */
	:: else ->
		reps_block(MODESET);
		disable_locked(MODESET);
		if
		:: mode == LEGACY ->
			/* esw_offloads_start() -> mlx5_eswitch_enable_locked() */
			mode = OFFLOADS;
			invalidate(MODESET);
			/* mlx5_esw_rescan_drivers_handoff() */
			reps_unblock(MODESET);
			add_reps(MODESET);
			reps_block(MODESET);
			/* mlx5_eswitch_event_handler_register() */
			nb_registered = true
		:: else ->
			/* esw_offloads_stop(): enable_locked() only with SR-IOV */
			mode = LEGACY;
			if
			:: invalidate(MODESET)
			:: skip
			fi;
			/* mlx5_esw_rescan_drivers_handoff() */
			reps_unblock(MODESET);
			remove_reps(MODESET);
			reps_block(MODESET)
		fi;
		reps_unblock(MODESET)
	fi;
	devl_unlock(MODESET);
	printf("modeset: unlocked\n");
	m_done = true
}

/* Invalidator 2: mlx5_uninit_one(); or, chosen at the start, no teardown
 * at all: a run in which work must make progress on its own.
 */
proctype teardown()
{
	byte k;
	bool got;

	if
	:: no_teardown ->
		/* Once all is quiet, every item was handled, and one not made
		 * stale ran its callback. A sleeper nobody wakes keeps this
		 * from ever being true: an invalid end state.
		 */
		atomic {
			m_done && n_done && p_done && len(wq) == 0 && busy == 0 ->
			for (k : 0 .. NWORK - 1) {
				assert(k >= nqueued || (handled[k] &&
					(ran[k] == 1 || stamp[k] != gen)))
			}
			k = 0
		}
	:: else ->
		devl_lock(TEARDOWN);
		printf("teardown: holds the devlink lock\n");
		/* mlx5_eswitch_disable() */
		reps_block(TEARDOWN);
		disable_locked(TEARDOWN);
		mode = LEGACY;
		reps_unblock(TEARDOWN);
		/* mlx5_unregister_device() */
		remove_reps(TEARDOWN);
		/* mlx5_eswitch_cleanup() */
#ifndef NO_CLEANUP_INVALIDATE
		invalidate(TEARDOWN);
#endif
		printf("teardown: destroy_workqueue() drains, devlink lock held\n");
		/* the queue empty and every worker idle */
		len(wq) == 0 && busy == 0;
		atomic {
			torn_down = true;
			for (k : 0 .. NWORK - 1) {
				assert(k >= nqueued || handled[k])
			}
			k = 0;
			printf("teardown: drained\n")
		}
		devl_unlock(TEARDOWN)
	fi
}

init
{
	atomic {
		if
		:: mode = LEGACY
		:: mode = OFFLOADS; nb_registered = true; rep_dev = true
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
		run teardown()
	}
}

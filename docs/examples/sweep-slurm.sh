#!/usr/bin/env bash
# One slice of a conversion sweep per task of a Slurm job array (see docs/scenarios.md):
#   jobs=$(sbatch --parsable --array=1-10 docs/examples/sweep-slurm.sh)
#   sbatch --dependency=afterok:$jobs --wrap "roster merge results/slice-* --out results/sweep"
# Each task packs its share of the 21 points (0% to 100% by 5%) and rosters them two at a time.
#SBATCH --job-name=roster-sweep
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --output=roster-sweep-%a.log
set -euo pipefail
mkdir -p results
roster sweep Data/orkney --convert care_worker:generic_worker --from 0 --to 1 --step 0.05 \
    --time-limit 300 --jobs "${SLURM_CPUS_PER_TASK:-2}" \
    --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" \
    --out "results/slice-${SLURM_ARRAY_TASK_ID}"

/**
 * The part of the PyTorch script that is the same for every network: loading the weights,
 * targets, the optimizer, measuring, training batch by batch in the app's order, and the
 * command line. Kept as Python text.
 */

const PYTHON = `def load_weights(net):
    """Copies WEIGHTS into the network's linear layers, and MOMENTS into a new optimizer."""
    linears = [m for m in net.body if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for linear, (weights, biases) in zip(linears, WEIGHTS):
            linear.weight.copy_(torch.tensor(weights, dtype=torch.float64).reshape(linear.weight.shape))
            linear.bias.copy_(torch.tensor(biases, dtype=torch.float64))


def make_optimizer(net):
    """The app's optimizer, with its memory from the app when there is one."""
    params = list(net.parameters())
    if OPTIMIZER == "adam":
        optimizer = torch.optim.Adam(params, lr=LEARNING_RATE, betas=ADAM_BETAS, eps=ADAM_EPSILON)
    elif OPTIMIZER == "momentum":
        optimizer = torch.optim.SGD(params, lr=LEARNING_RATE, momentum=MOMENTUM)
    else:
        optimizer = torch.optim.SGD(params, lr=LEARNING_RATE)
    if MOMENTS:
        flat = [torch.tensor(m, dtype=torch.float64) for m in MOMENTS]
        start = 0
        for p in params:
            part = [m[start:start + p.numel()].reshape(p.shape).clone() for m in flat]
            start += p.numel()
            if OPTIMIZER == "momentum":
                optimizer.state[p]["momentum_buffer"] = part[0]
            else:
                optimizer.state[p]["step"] = torch.tensor(float(ADAM_STEP))
                optimizer.state[p]["exp_avg"] = part[0]
                optimizer.state[p]["exp_avg_sq"] = part[1]
    return optimizer


def targets(labels):
    """What each output should be: the value itself, or 1 for the true class and LOW_TARGET elsewhere."""
    if PROBLEM == "regression":
        return labels.reshape(-1, 1)
    if OUTPUTS == 1:
        return torch.where(labels == 1, 1.0, LOW_TARGET).reshape(-1, 1)
    t = torch.full((len(labels), OUTPUTS), LOW_TARGET)
    t[torch.arange(len(labels)), labels.long()] = 1.0
    return t


def penalty(net):
    """The regularization term, on weights only: λ·Σ|w| (L1) or λ·½Σw² (L2)."""
    weights = [m.weight for m in net.body if isinstance(m, nn.Linear)]
    if REGULARIZATION == "l1":
        return REGULARIZATION_RATE * sum(w.abs().sum() for w in weights)
    if REGULARIZATION == "l2":
        return REGULARIZATION_RATE * 0.5 * sum((w * w).sum() for w in weights)
    return torch.tensor(0.0)


def measure(net, inputs, labels):
    """Mean loss per example (without regularization, as the app reports it) and accuracy."""
    with torch.no_grad():
        z = net.scores(inputs)
        y = net(inputs)
        loss = loss_per_example(z, y, targets(labels)).mean().item()
        if PROBLEM == "regression":
            return loss, None
        predicted = (y[:, 0] > THRESHOLD).long() if OUTPUTS == 1 else y.argmax(dim=1)
        return loss, (predicted == labels.long()).double().mean().item()


class Trainer:
    """Trains batch by batch through the training examples in the app's order."""

    def __init__(self, net, inputs, labels):
        self.net, self.inputs, self.targets = net, inputs, targets(labels)
        self.optimizer = make_optimizer(net)
        self.cursor = 0

    def batch(self):
        """One step on the next batch (the gradient is the batch's mean); True at an epoch's end."""
        rows = slice(self.cursor, min(self.cursor + BATCH_SIZE, len(self.inputs)))
        x, t = self.inputs[rows], self.targets[rows]
        self.optimizer.zero_grad()
        z = self.net.scores(x)
        y = self.net(x)
        loss = loss_per_example(z, y, t).mean() + penalty(self.net)
        loss.backward()
        self.optimizer.step()
        self.cursor = rows.stop if rows.stop < len(self.inputs) else 0
        return self.cursor == 0

    def epoch(self):
        while not self.batch():
            pass


def flat_parameters(net):
    """Every parameter in the app's order: each layer's weights row by row, then its biases."""
    return torch.cat([p.detach().flatten() for p in net.parameters()])


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--epochs", type=int, default=0, help="train this many more epochs")
    parser.add_argument("--steps", type=int, default=0, help="train this many more batches")
    parser.add_argument("--json", help="write the parameters and the network's outputs to this file")
    args = parser.parse_args()

    net = Network()
    load_weights(net)
    train_x, train_y = examples("train")
    test_x, test_y = examples("test")

    def report(when):
        train = measure(net, train_x, train_y)
        test = measure(net, test_x, test_y)
        print(f"{when}: training loss {train[0]:.6f}, test loss {test[0]:.6f}", end="")
        if train[1] is not None:
            print(f", training accuracy {train[1]:.2%}, test accuracy {test[1]:.2%}", end="")
        print()
        return train, test

    report("These weights")
    if APP_METRICS is not None:
        print(f"The app measured: training loss {APP_METRICS['trainLoss']:.6f}, test loss {APP_METRICS['testLoss']:.6f}")

    def state():
        with torch.no_grad():
            return {"params": flat_parameters(net).tolist(), "train": net(train_x).tolist(), "test": net(test_x).tolist()}

    start = state() if args.json else None
    trainer = Trainer(net, train_x, train_y)
    for _ in range(args.steps):
        trainer.batch()
    for _ in range(args.epochs):
        trainer.epoch()
    if args.steps or args.epochs:
        report(f"After {args.epochs} epochs and {args.steps} batches more")

    if args.json:
        # "start": the loaded weights and their outputs; "end": the same after training.
        with open(args.json, "w") as f:
            json.dump({"start": start, "end": state()}, f)`;

/** The Python lines (the optimizer's constants are in the script's settings). */
export function trainingScript(): string[] {
  return PYTHON.split('\n');
}

/** What each phase of One example means, in plain words for someone new to neural networks. */
import type { ExamplePhase } from '../engine/example.svelte';

/** The caption under the One example title; `buttonHere` when the button is in the same panel. */
export function phaseCaption(phase: ExamplePhase, buttonHere: boolean): string {
  const where = buttonHere ? '' : ' (beside Step, above)';
  switch (phase) {
    case 'idle':
      return (
        `Press One example${where} to follow a single training example through the network: forward to its answer and ` +
        'the loss, backward to see how much each weight is to blame, then one small update of the weights.'
      );
    case 'waiting':
      return 'Asking the training engine…';
    case 'forward':
      return (
        'Forward pass. Each neuron multiplies each of its inputs by the weight of that link, adds them up and adds its ' +
        'bias: that is its weighted sum z. Its activation function turns z into its output a, which the next layer takes ' +
        'as input. The last a is the network’s answer; the loss measures how far it is from the target (0 would be ' +
        `perfect). Press Backward${where} to see where the error comes from.`
      );
    case 'backward':
      return (
        'Backward pass. δ (delta) is how much the loss changes when a neuron’s weighted sum z grows a little: a positive ' +
        'δ means a smaller z would lower the loss. At the output it comes from the gap between answer and target. A ' +
        'hidden neuron collects the δ of the neurons it feeds, each through its link’s weight, and multiplies the sum by ' +
        'the slope f′(z) of its activation at its own z — the chain rule: a change in z moves a by f′(z) times as much. ' +
        'Where the activation is flat (a ReLU below zero, a saturated sigmoid or tanh) the slope is near 0, almost no ' +
        'error passes back, and the weights below hardly learn. A link’s gradient is the δ of the neuron it feeds times ' +
        `the value it carries; thicker lines on the diagram are larger gradients, dashed ones negative. Press Apply ` +
        `update${where} to change the weights.`
      );
    case 'updated':
      return (
        'Update. Every weight and bias took a small step against its gradient: the learning rate times the gradient ' +
        '(plain gradient descent; momentum and Adam also use earlier gradients). This example alone was the batch. The ' +
        'table shows the links that moved most, old → new. Press One example for the next training example.'
      );
  }
}
